/**
 * One-Class Deep SVDD's geometry (the centre and the distance score), shared by the backends that
 * train its network.
 */
package org.geotrans.domain.svdd;
