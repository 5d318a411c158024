/**
 * The transformation classifier (the paper's Wide ResNet) on libtorch through JavaCPP's PyTorch
 * presets: channels-last tensors, bf16 autocast by default with an fp32 mode, a self-describing
 * model file that a DL4J reader refuses and that refuses DL4J's.
 */
package org.geotrans.adapters.libtorch;
