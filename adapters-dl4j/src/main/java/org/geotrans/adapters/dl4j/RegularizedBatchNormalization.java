package org.geotrans.adapters.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Batch normalization whose gamma and beta take the network's L2 penalty, as in the paper's
 * reference code ({@code gamma_regularizer} and {@code beta_regularizer} of Keras'
 * BatchNormalization). DL4J's own layer never regularizes them, whatever the global setting.
 * The running mean and variance are statistics, not trained, and stay unpenalised.
 */
final class RegularizedBatchNormalization extends BatchNormalization {

    /** For DL4J's JSON reader: a saved network names this class. */
    RegularizedBatchNormalization() {
    }

    /** The layer {@code built} by DL4J's builder, with the penalty on gamma and beta. */
    static RegularizedBatchNormalization of(BatchNormalization built) {
        RegularizedBatchNormalization bn = new RegularizedBatchNormalization();
        bn.setDecay(built.getDecay());
        bn.setEps(built.getEps());
        bn.setMinibatch(built.isMinibatch());
        bn.setGamma(built.getGamma());
        bn.setBeta(built.getBeta());
        bn.setLockGammaBeta(built.isLockGammaBeta());
        bn.setCudnnAllowFallback(built.isCudnnAllowFallback());
        bn.setUseLogStd(built.isUseLogStd());
        bn.setCnn2DFormat(built.getCnn2DFormat());
        bn.setActivationFn(built.getActivationFn());
        return bn;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        if (BatchNormalizationParamInitializer.GAMMA.equals(paramName)
                || BatchNormalizationParamInitializer.BETA.equals(paramName)) {
            return getRegularization();
        }
        return super.getRegularizationByParam(paramName);
    }

    @Override
    public RegularizedBatchNormalization clone() {
        return (RegularizedBatchNormalization) super.clone();
    }
}
