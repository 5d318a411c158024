/** Use cases: the paper's one-vs-all evaluation, and GeoTrans compared with One-Class SVMs on the same splits. */
package org.geotrans.application.evaluate;
