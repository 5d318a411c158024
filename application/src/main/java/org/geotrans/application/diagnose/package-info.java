/** Why a saved detector scores as it does: transformation diagnostics and gradient ascent on an image. */
package org.geotrans.application.diagnose;
