package org.lotteryscaling.task;

import java.nio.charset.StandardCharsets;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.RandomStream;

/**
 * Every random stream of an experiment, as a documented pure function of its inputs, so the same
 * task draws the same bits on any machine, in any partition, on any retry.
 *
 * <pre>
 *   combine(h, x)  = mix64(h ^ mix64(x + 0x9e3779b97f4a7c15))       (mix64: SplitMix64's finaliser)
 *   text(s)        = 64-bit FNV-1a of the UTF-8 bytes of s
 *   network seed   = fold combine over (experimentSeed, text(target), text(activation), width, seedIndex,
 *                    then text("key=value") per swept key of the task's setting, in the sweep's order)
 *   data seed      = fold combine over (dataSeed, dimension, 1 for train | 2 for test)
 *   resampling     = fold combine over (resamplingSeed, text(target), text(activation)),
 *                    the same for every setting of a swept experiment
 *   fit bootstrap  = resampling of (target, activation)
 *   synergy pairs  = combine(resampling of (target, activation), width N)
 *   axis fit       = fold combine over (resampling of (target, activation), then text(rest) when
 *                    the setting of the other keys is not empty, text(axis key), width)
 *   offset fit     = combine(resampling of (target, activation), text("offset")); over the
 *                    widths from 10 (kind wide) text("offset wide")
 *   joint fit      = fold combine over (resampling of (target, activation), then text(rest) when
 *                    not empty, text("joint " + axis key))
 *   median         = fold combine over (resampling of (target, activation), text("median"), width)
 *   test loss      = combine(the stream's seed for the train loss, text("test")), for every fit
 *                    and median of the test loss
 * </pre>
 * The network seed starts the {@link RandomStream} that draws its initial parameters; the data
 * seed the stream that draws its inputs. Data does not depend on the network seed, so by default
 * every network of an experiment sees the same points (the paper varies initialisation only); a
 * sweep over data.* keys changes the points only through the data settings it sets. The swept
 * values enter the network seed so that the networks of two settings are independent draws, as
 * those of two widths are: the bootstrap of a fit along a swept axis resamples each setting's
 * networks independently. Without a sweep the seed is what it was before sweeps existed.
 *
 * <p>The resampling streams of a group do not depend on its setting, so the statistics of one
 * setting of a swept experiment are those of the same networks run as an experiment of their own
 * (SweptAnalyzeTest checks it row for row); the settings' networks already differ through their
 * network seeds. A fit along a swept axis ({@code lottery aggregate}'s scaling_fit) spans the
 * settings of its axis, so its stream mixes in text(rest), the text of {@link Setting#toString()}
 * of the other keys ({@code data.points=100 training.lr=0.01}), then the axis and the width.
 */
public final class Seeds {
  private Seeds() {}

  public static final long TRAIN_SPLIT = 1;
  public static final long TEST_SPLIT = 2;
  /** The stream of the training labels' noise (data.noise), apart from the inputs' draws. */
  public static final long NOISE_SPLIT = 3;

  public static long combine(long h, long x) {
    return RandomStream.mix64(h ^ RandomStream.mix64(x + 0x9e3779b97f4a7c15L));
  }

  public static long text(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  public static long network(long experimentSeed, Target target, Activation activation, int width,
      long seedIndex) {
    long h = combine(experimentSeed, text(target.id()));
    h = combine(h, text(activation.id()));
    h = combine(h, width);
    return combine(h, seedIndex);
  }

  /** The network seed of a task: as above, then each swept value of its setting mixed in. */
  public static long network(long experimentSeed, TaskKey key) {
    long h = network(experimentSeed, key.target(), key.activation(), key.width(), key.seedIndex());
    Setting setting = key.setting();
    for (int k = 0; k < setting.keys().size(); k++) {
      SettingKey swept = setting.keys().get(k);
      h = combine(h, text(swept.key() + "=" + swept.format(setting.values().get(k))));
    }
    return h;
  }

  /** The resampling seed of the aggregate statistics unless `aggregate --seed` says otherwise. */
  public static final long DEFAULT_RESAMPLING_SEED = 0;

  /** The seed of the aggregate statistics' resampling streams (fits, synergy) of one group. */
  public static long resampling(long resamplingSeed, String target, String activation) {
    return combine(combine(resamplingSeed, text(target)), text(activation));
  }

  /**
   * The seed of the bootstrap of a fit along {@code axis} at {@code width}, whose other swept keys
   * take the values {@code rest} (without the axis's keys).
   */
  public static long axisFit(long resamplingSeed, String target, String activation, Setting rest,
      SettingKey axis, int width) {
    long h = resampling(resamplingSeed, target, activation);
    if (!rest.isEmpty()) {
      h = combine(h, text(rest.toString()));
    }
    return combine(combine(h, text(axis.key())), width);
  }

  /** The seed of the bootstrap of the offset law along the width, from the group's resampling seed. */
  public static long offsetFit(long resampling) {
    return combine(resampling, text("offset"));
  }

  /**
   * The seed of the bootstrap of the offset law over the wide widths (N >= 10), from the group's
   * resampling seed: a stream apart from {@link #offsetFit}'s, which resamples some of the same
   * widths.
   */
  public static long wideOffsetFit(long resampling) {
    return combine(resampling, text("offset wide"));
  }

  /**
   * The seed of the bootstrap of the joint law over (width, {@code axis}) whose other swept keys
   * take the values {@code rest}.
   */
  public static long jointFit(long resamplingSeed, String target, String activation, Setting rest,
      SettingKey axis) {
    long h = resampling(resamplingSeed, target, activation);
    if (!rest.isEmpty()) {
      h = combine(h, text(rest.toString()));
    }
    return combine(h, text("joint " + axis.key()));
  }

  /** The seed of the bootstrap of one width's median loss, from the group's resampling seed. */
  public static long median(long resampling, int width) {
    return combine(combine(resampling, text("median")), width);
  }

  /**
   * The seed of a statistic of the test loss, from that of the same statistic of the train loss:
   * the two bootstraps are independent draws, and the train loss's streams stay what they were.
   */
  public static long testLoss(long trainSeed) {
    return combine(trainSeed, text("test"));
  }

  public static long data(long dataSeed, int dimension, long split) {
    return combine(combine(dataSeed, dimension), split);
  }
}
