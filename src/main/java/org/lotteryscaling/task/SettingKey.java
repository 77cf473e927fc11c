package org.lotteryscaling.task;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lotteryscaling.nn.ModelSettings;
import org.lotteryscaling.nn.OptimizerType;
import org.lotteryscaling.nn.Parametrization;
import org.lotteryscaling.nn.TrainSettings;

/**
 * A setting an experiment may sweep: every {@code data.*}, {@code init.*}, {@code model.*} and
 * {@code training.*} key of a config, with the type of its values and how a value changes a task's
 * settings. The grid axes (targets, activations, widths, seeds) are not settings; experiment-seed
 * is not swept (seed indices are). A named choice (data.distribution, model.parametrization,
 * training.optimizer) is a CHOICE key: its value is held as the index of its name among {@link
 * #choices()}, so a setting stays a list of numbers, and is written, hashed and stored as the name.
 *
 * <p>The order of the constants orders a sweep's axes, and so its canonical text: a key added
 * later may go anywhere, as long as the keys before it keep their order.
 */
public enum SettingKey {
  DATA_POINTS("data.points", Type.INT),
  DATA_TEST_POINTS("data.test-points", Type.INT),
  DATA_LOW("data.low", Type.DOUBLE),
  DATA_HIGH("data.high", Type.DOUBLE),
  DATA_SEED("data.seed", Type.LONG),
  DATA_MEAN("data.mean", Type.DOUBLE),
  DATA_STD("data.std", Type.DOUBLE),
  DATA_NOISE("data.noise", Type.DOUBLE),
  INIT_FIRST_SCALE("init.first-scale", Type.DOUBLE),
  INIT_SECOND_SCALE("init.second-scale", Type.DOUBLE),
  TRAINING_STEPS("training.steps", Type.INT),
  TRAINING_LR("training.lr", Type.DOUBLE),
  TRAINING_DECAY_EVERY("training.decay-every", Type.INT),
  TRAINING_DECAY_FACTOR("training.decay-factor", Type.DOUBLE),
  TRAINING_BETA1("training.beta1", Type.DOUBLE),
  TRAINING_BETA2("training.beta2", Type.DOUBLE),
  TRAINING_EPS("training.eps", Type.DOUBLE),
  TRAINING_CURVE_POINTS("training.curve-points", Type.INT),
  TRAINING_MOMENTUM("training.momentum", Type.DOUBLE),
  TRAINING_WEIGHT_DECAY("training.weight-decay", Type.DOUBLE),
  DATA_DISTRIBUTION("data.distribution", ids(InputDistribution.values())),
  MODEL_PARAMETRIZATION("model.parametrization", ids(Parametrization.values())),
  TRAINING_OPTIMIZER("training.optimizer", ids(OptimizerType.values())),
  MODEL_LEAKY_SLOPE("model.leaky-slope", Type.DOUBLE);

  /**
   * What a value is: INT and LONG values are held as Long, DOUBLE ones as Double, a CHOICE as the
   * Long index of its name in {@link #choices()}.
   */
  public enum Type { INT, LONG, DOUBLE, CHOICE }

  private final String key;
  private final Type type;
  private final List<String> choices;

  SettingKey(String key, Type type) {
    this.key = key;
    this.type = type;
    this.choices = List.of();
  }

  SettingKey(String key, List<String> choices) {
    this.key = key;
    this.type = Type.CHOICE;
    this.choices = choices;
  }

  private static List<String> ids(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Object::toString).toList();
  }

  /** A CHOICE key's names in the order of its enum; empty for the numeric keys. */
  public List<String> choices() {
    return choices;
  }

  /** The key as a config spells it, e.g. {@code data.points}. */
  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  /** The column of a table that holds this setting's value: the key with '.' and '-' as '_'. */
  public String column() {
    return key.replace('.', '_').replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /** The key spelled {@code key}, or null. */
  public static SettingKey of(String key) {
    for (SettingKey k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** Every key, comma-separated, for messages. */
  public static String list() {
    StringBuilder s = new StringBuilder();
    for (SettingKey k : values()) {
      s.append(s.length() == 0 ? "" : ", ").append(k.key);
    }
    return s.toString();
  }

  /**
   * {@code value} as this key holds it: a Long for INT and LONG (a whole number, INT within int
   * range), a Double for DOUBLE. Anything else is an IllegalArgumentException naming the value.
   */
  public Number normalize(Object value) {
    if (type == Type.CHOICE) {
      return choiceIndex(value);
    }
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("'" + value + "' is not a number");
    }
    if (type == Type.DOUBLE) {
      return n.doubleValue();
    }
    double d = n.doubleValue();
    if (!(n instanceof Long || n instanceof Integer) && (d != Math.rint(d) || Double.isInfinite(d))) {
      throw new IllegalArgumentException(value + " is not a whole number");
    }
    long whole = n instanceof Long || n instanceof Integer ? n.longValue() : (long) d;
    if (type == Type.INT && (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(value + " is out of range");
    }
    return whole;
  }

  /**
   * A value as a config writes it: as {@link #normalize}, but a CHOICE must be written by name (an
   * index is how a setting holds it, never how a user names it).
   */
  public Number parse(Object written) {
    if (type == Type.CHOICE && !(written instanceof String)) {
      throw new IllegalArgumentException("unknown " + key + " '" + written + "' (allowed: "
          + String.join(", ", choices) + ")");
    }
    return normalize(written);
  }

  /** A CHOICE's index: its name (any case), or an index already. */
  private Long choiceIndex(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      long i = ((Number) value).longValue();
      if (i >= 0 && i < choices.size()) {
        return i;
      }
    } else if (value instanceof String name) {
      int i = choices.indexOf(name.trim().toLowerCase(Locale.ROOT));
      if (i >= 0) {
        return (long) i;
      }
    }
    throw new IllegalArgumentException("unknown " + key + " '" + value + "' (allowed: "
        + String.join(", ", choices) + ")");
  }

  /**
   * The value as its canonical text: a whole number, Java's shortest round-trip double, or a
   * choice's name.
   */
  public String format(Number value) {
    return switch (type) {
      case DOUBLE -> Double.toString(value.doubleValue());
      case CHOICE -> choices.get((int) value.longValue());
      case INT, LONG -> Long.toString(value.longValue());
    };
  }

  /** The value as a table column holds it: an Integer, Long, Double, or a choice's name. */
  public Object stored(Number value) {
    return switch (type) {
      case INT -> (int) value.longValue();
      case LONG -> value.longValue();
      case DOUBLE -> value.doubleValue();
      case CHOICE -> format(value);
    };
  }

  /** This key's value in {@code s}. */
  public Number valueIn(TaskSettings s) {
    DataSettings d = s.data();
    ModelSettings model = s.model();
    TrainSettings t = s.training();
    return switch (this) {
      case DATA_POINTS -> (long) d.trainPoints();
      case DATA_TEST_POINTS -> (long) d.testPoints();
      case DATA_LOW -> d.low();
      case DATA_HIGH -> d.high();
      case DATA_SEED -> d.dataSeed();
      case DATA_MEAN -> d.mean();
      case DATA_STD -> d.std();
      case DATA_NOISE -> d.noise();
      case INIT_FIRST_SCALE -> model.firstScale();
      case INIT_SECOND_SCALE -> model.secondScale();
      case TRAINING_STEPS -> (long) t.steps();
      case TRAINING_LR -> t.learningRate();
      case TRAINING_DECAY_EVERY -> (long) t.decayEvery();
      case TRAINING_DECAY_FACTOR -> t.decayFactor();
      case TRAINING_BETA1 -> t.beta1();
      case TRAINING_BETA2 -> t.beta2();
      case TRAINING_EPS -> t.epsilon();
      case TRAINING_CURVE_POINTS -> (long) t.curvePoints();
      case TRAINING_MOMENTUM -> t.momentum();
      case TRAINING_WEIGHT_DECAY -> t.weightDecay();
      case DATA_DISTRIBUTION -> (long) d.distribution().ordinal();
      case MODEL_PARAMETRIZATION -> (long) model.parametrization().ordinal();
      case TRAINING_OPTIMIZER -> (long) t.optimizer().ordinal();
      case MODEL_LEAKY_SLOPE -> model.leakySlope();
    };
  }

  /**
   * {@code base} with every key's value taken from {@code values} (each normalized), built at once so that no order of keys passes through an invalid range.
   * A value the settings refuse (points 0, low not below high) is an IllegalArgumentException
   * saying why.
   */
  static TaskSettings settings(TaskSettings base, Map<SettingKey, Number> values) {
    int[] whole = new int[values().length];
    double[] real = new double[values().length];
    for (SettingKey k : values()) {
      Number v = k.normalize(values.get(k));
      whole[k.ordinal()] = k.type == Type.INT ? (int) v.longValue() : 0;
      real[k.ordinal()] = v.doubleValue();
    }
    DataSettings data = new DataSettings(whole[DATA_POINTS.ordinal()],
        whole[DATA_TEST_POINTS.ordinal()], real[DATA_LOW.ordinal()], real[DATA_HIGH.ordinal()],
        values.get(DATA_SEED).longValue(), InputDistribution.values()[choice(values, DATA_DISTRIBUTION)],
        real[DATA_MEAN.ordinal()],
        real[DATA_STD.ordinal()], real[DATA_NOISE.ordinal()]);
    ModelSettings model = new ModelSettings(
        Parametrization.values()[choice(values, MODEL_PARAMETRIZATION)],
        real[INIT_FIRST_SCALE.ordinal()], real[INIT_SECOND_SCALE.ordinal()],
        real[MODEL_LEAKY_SLOPE.ordinal()]);
    TrainSettings training = new TrainSettings(whole[TRAINING_STEPS.ordinal()],
        real[TRAINING_LR.ordinal()], whole[TRAINING_DECAY_EVERY.ordinal()],
        real[TRAINING_DECAY_FACTOR.ordinal()], real[TRAINING_BETA1.ordinal()],
        real[TRAINING_BETA2.ordinal()], real[TRAINING_EPS.ordinal()],
        whole[TRAINING_CURVE_POINTS.ordinal()],
        OptimizerType.values()[choice(values, TRAINING_OPTIMIZER)],
        real[TRAINING_MOMENTUM.ordinal()], real[TRAINING_WEIGHT_DECAY.ordinal()]);
    return new TaskSettings(base.experimentSeed(), data, model, training);
  }

  private static int choice(Map<SettingKey, Number> values, SettingKey key) {
    return (int) key.normalize(values.get(key)).longValue();
  }
}
