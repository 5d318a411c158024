/**
 * Evaluation of normality scores against known labels: AUROC (the paper's headline metric),
 * AUPR-in and AUPR-out as average precision, the ROC curve for plots, and the mean with its
 * standard error over repeated runs. Scores follow the scorers' contract, higher = more normal,
 * and the normal class is the positive one unless a method says otherwise.
 */
package org.geotrans.domain.metrics;
