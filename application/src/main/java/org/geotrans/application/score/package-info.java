/** Use case: score new images with a saved detector. */
package org.geotrans.application.score;
