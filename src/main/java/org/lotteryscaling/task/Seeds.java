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
 *   resampling     = fold combine over (resamplingSeed, text(target), text(activation))
 * </pre>
 * The network seed starts the {@link RandomStream} that draws its initial parameters; the data
 * seed the stream that draws its inputs. Data does not depend on the network seed, so by default
 * every network of an experiment sees the same points (the paper varies initialisation only); a
 * sweep over data.* keys changes the points only through the data settings it sets. The swept
 * values enter the network seed so that the networks of two settings are independent draws, as
 * those of two widths are: the bootstrap of a fit along a swept axis resamples each setting's
 * networks independently. Without a sweep the seed is what it was before sweeps existed.
 */
public final class Seeds {
  private Seeds() {}

  public static final long TRAIN_SPLIT = 1;
  public static final long TEST_SPLIT = 2;

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

  public static long data(long dataSeed, int dimension, long split) {
    return combine(combine(dataSeed, dimension), split);
  }
}
