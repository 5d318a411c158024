/** The raw-pixel One-Class SVM baseline on libsvm. */
package org.geotrans.adapters.libsvm;
