/**
 * The mechanism analyses of section 3 and appendices B, C and D of the paper: symmetric neurons,
 * width-2 lottery tickets and their loss peaks, parameter-space clusters ("algorithms"), lottery
 * tickets disentangled from wide networks, distillation and least-squares ensembles. Plain Java on
 * double[], EJML for the linear algebra; no Spark, no I/O.
 */
package org.lotteryscaling.mechanism;
