package org.lotteryscaling.nn;

/**
 * sigma of equation (1) as a function of one pre-activation, with whatever parameter it has
 * (leaky_relu's slope): what the analyses evaluate a trained network with. An {@link Activation}
 * is one at its default parameters; {@link Activation#withLeakySlope} gives the others.
 * Serializable so the analyses can ship it to Spark executors.
 */
@FunctionalInterface
public interface Nonlinearity extends java.io.Serializable {
  double value(double z);
}
