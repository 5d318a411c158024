/**
 * Ports: what the domain needs from the outside, named by capability. Adapters implement them
 * (Deeplearning4j for the classifier, file readers for datasets, a zip store for detectors).
 */
package org.geotrans.domain.port;
