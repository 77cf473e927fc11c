package org.lotteryscaling.task;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lotteryscaling.UserError;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.ModelSettings;
import org.lotteryscaling.nn.OptimizerType;
import org.lotteryscaling.nn.Parametrization;
import org.lotteryscaling.nn.TrainSettings;

/**
 * One experiment: the grid (targets x activations x widths x seeds) and how every network of it is
 * trained, read from a HOCON file (Typesafe Config) with {@code --set key=value} overrides.
 *
 * <p>Keys, with the defaults of docs/setup.md, "This project's choices" (every one may be
 * omitted but name):
 * <pre>
 *   name = quick                        experiment name (default: the file name without .conf)
 *   targets = [x2]                      x2 x3 x4 sin cos exp sin2 expx2 relu tanh mul2..mul5
 *   activations = [silu, leaky_relu]    silu relu leaky_relu tanh gelu sigmoid softplus
 *   widths = [1, 2, 3, 4, 10, 20]       hidden widths N >= 1
 *   seeds = 1000                        seed indices per (target, activation, width) ...
 *   seed-offset = 0                     ... namely seed-offset .. seed-offset + seeds - 1
 *   experiment-seed = 0                 mixed into every network's initialisation seed
 *   data { points = 1000, test-points = 1000, low = -2, high = 2, seed = 0,
 *          distribution = uniform, mean = 0, std = 1, noise = 0 }    uniform | normal (mean, std)
 *   init { first-scale = 1, second-scale = 1 }   factors of PyTorch's default bounds
 *   model { parametrization = standard }          standard | mean-field
 *   training { steps = 50000, lr = 0.01, decay-every = 10000, decay-factor = 0.2,
 *              beta1 = 0.9, beta2 = 0.999, eps = 1e-8, curve-points = 50,
 *              optimizer = adam, momentum = 0, weight-decay = 0 }    adam | sgd (momentum)
 *   sweep { "data.points" = [100, 1000] }   any numeric data.*, init.* or training.* key over a
 *                                           list ({@link Sweep}, {@link SettingKey})
 * </pre>
 * An unknown key is an error (a typo must not silently train the default). With a sweep, the grid
 * is the product of the four axes with the sweep's settings, and a task's settings are these with
 * its setting's values applied ({@link #settings(Setting)}).
 *
 * <p>The config hash is the first 16 hex digits of the SHA-256 of {@link #canonical()}: every
 * resolved key above, one {@code key = value} line each in the fixed order of that list, numbers
 * in Java's shortest round-trip form, lists in the order given. It does not depend on how the
 * file was written (comments, order, defaults spelled out or not, overrides). The keys added after
 * the first version ({@link #LATER_KEYS}: distribution, mean, std, noise, the init scales, the leaky slope, the
 * parametrization, the optimizer, momentum, weight decay) have a line only when they differ from
 * their default, and a sweep adds one last line ({@link Sweep#canonical()}); so a config that uses
 * none of them has the text, and the hash, it had before they existed, and its results folders
 * resume.
 */
public record ExperimentConfig(
    String name,
    List<Target> targets,
    List<Activation> activations,
    List<Integer> widths,
    int seeds,
    long seedOffset,
    TaskSettings settings,
    Sweep sweep) implements java.io.Serializable {

  /** The defaults of docs/setup.md, in the form a config file would spell them. */
  static final String DEFAULTS = String.join("\n",
      "targets = [x2]",
      "activations = [silu, leaky_relu]",
      "widths = [1, 2, 3, 4, 10, 20, 30, 40, 50]",
      "seeds = 1000",
      "seed-offset = 0",
      "experiment-seed = 0",
      "data { points = 1000, test-points = 1000, low = -2.0, high = 2.0, seed = 0,",
      "  distribution = uniform, mean = 0.0, std = 1.0, noise = 0.0 }",
      "init { first-scale = 1.0, second-scale = 1.0 }",
      "model { parametrization = standard, leaky-slope = 0.01 }",
      "training { steps = 50000, lr = 0.01, decay-every = 10000, decay-factor = 0.2,",
      "  beta1 = 0.9, beta2 = 0.999, eps = 1e-8, curve-points = 50,",
      "  optimizer = adam, momentum = 0.0, weight-decay = 0.0 }");

  /** The keys of the first version: every one has a line in the canonical text. */
  private static final List<String> FIRST_KEYS = List.of(
      "name", "targets", "activations", "widths", "seeds", "seed-offset", "experiment-seed",
      "data.points", "data.test-points", "data.low", "data.high", "data.seed",
      "training.steps", "training.lr", "training.decay-every", "training.decay-factor",
      "training.beta1", "training.beta2", "training.eps", "training.curve-points");

  /** Keys added since: a line in the canonical text only when not at their default. */
  public static final List<String> LATER_KEYS = List.of(
      "data.distribution", "data.mean", "data.std", "data.noise",
      "init.first-scale", "init.second-scale", "model.parametrization",
      "training.optimizer", "training.momentum", "training.weight-decay", "model.leaky-slope");

  /** Every key a config may set, in canonical order. */
  public static final List<String> KEYS = Stream.of(FIRST_KEYS, LATER_KEYS, List.of("sweep"))
      .flatMap(List::stream).toList();

  public ExperimentConfig {
    if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
      throw new UserError("name must be a non-empty word of letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    targets = List.copyOf(requireDistinct("targets", targets));
    activations = List.copyOf(requireDistinct("activations", activations));
    widths = List.copyOf(requireDistinct("widths", widths));
    for (int w : widths) {
      if (w < 1) {
        throw new UserError("widths: every width must be >= 1, got " + w);
      }
    }
    if (seeds < 1) {
      throw new UserError("seeds must be >= 1, got " + seeds);
    }
    if (seedOffset < 0) {
      throw new UserError("seed-offset must be >= 0, got " + seedOffset);
    }
    sweep = sweep == null ? Sweep.NONE : sweep;
    for (Setting setting : sweep.settings()) {
      try {
        setting.applyTo(settings);
      } catch (IllegalArgumentException e) {
        throw new UserError("sweep: the setting " + setting + " is invalid: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Refuses a target that is NaN or infinite at a sampled input (log(x) on [-2, 2], exp(x^2) on
   * a wide range), before any Spark job starts: its networks would train to NaN losses.
   */
  private void requireFiniteLabels() {
    for (Target target : targets) {
      for (Setting setting : sweep.settings()) {
        String fault = DataSampler.nonFiniteLabel(target, settings(setting).data());
        if (fault != null) {
          throw new UserError("targets: " + target + " is " + fault
              + (setting.isEmpty() ? "" : " (setting " + setting + ")")
              + "; choose a target defined on the inputs, or other data.low and data.high");
        }
      }
    }
  }

  /** The settings of a task of {@code setting} (one of {@link #settings()} of the sweep). */
  public TaskSettings settings(Setting setting) {
    return setting.applyTo(settings);
  }

  /** Reads {@code file}, applies the {@code key=value} overrides in order, and validates. */
  public static ExperimentConfig load(File file, List<String> overrides) {
    if (!file.isFile()) {
      throw new UserError("config file not found: " + file);
    }
    Config user;
    try {
      user = ConfigFactory.parseFile(file, ConfigParseOptions.defaults()
          .setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
    } catch (ConfigException e) {
      throw new UserError("malformed config " + file + ": " + oneLine(e), e);
    }
    if (user.isEmpty()) {
      // Every key has a default, so an empty file would start the whole default grid unasked.
      throw new UserError("config " + file + " sets no key: it would train the default grid of "
          + fromConfig(ConfigFactory.empty(), "default").taskCount()
          + " networks; write the keys you mean (see conf/quick.conf)");
    }
    String stem = file.getName().replaceFirst("\\.conf$", "");
    return fromConfig(withOverrides(user, overrides), stem);
  }

  /** Parses config text (e.g. a results folder's experiment.conf); {@code defaultName} if it has none. */
  public static ExperimentConfig parse(String text, String defaultName) {
    Config user;
    try {
      user = ConfigFactory.parseString(text);
    } catch (ConfigException e) {
      throw new UserError("malformed config: " + oneLine(e), e);
    }
    return fromConfig(user, defaultName);
  }

  private static Config withOverrides(Config base, List<String> overrides) {
    Config result = base;
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--set needs key=value, got '" + override + "'");
      }
      try {
        result = ConfigFactory.parseString(override,
            ConfigParseOptions.defaults().setOriginDescription("--set " + override)).withFallback(result);
      } catch (ConfigException e) {
        throw new UserError("malformed --set '" + override + "': " + oneLine(e), e);
      }
    }
    return result;
  }

  private static ExperimentConfig fromConfig(Config user, String defaultName) {
    rejectUnknownKeys(user);
    try {
      Config c = user.withFallback(ConfigFactory.parseString(DEFAULTS)).resolve();
      String name = c.hasPath("name") ? c.getString("name") : defaultName;
      List<Target> targets = parseAll(c, "targets", Target::parse);
      List<Activation> activations = parseAll(c, "activations", Activation::parse);
      List<Integer> widths = c.getIntList("widths");
      DataSettings data = dataSettings(c);
      ModelSettings model = modelSettings(c);
      TrainSettings training = trainSettings(c);
      Sweep sweep = Sweep.parse(c.hasPath("sweep") ? c.getValue("sweep") : null);
      ExperimentConfig config = new ExperimentConfig(name, targets, activations, widths,
          c.getInt("seeds"), c.getLong("seed-offset"),
          new TaskSettings(c.getLong("experiment-seed"), data, model, training), sweep);
      boolean slopeSet = model.leakySlope() != ModelSettings.paper().leakySlope()
          || sweep.keys().contains(SettingKey.MODEL_LEAKY_SLOPE);
      if (slopeSet && !activations.contains(Activation.LEAKY_RELU)) {
        throw new UserError("model.leaky-slope applies to leaky_relu, which activations does not"
            + " list (" + activations + ")");
      }
      config.requireFiniteLabels();
      return config;
    } catch (ConfigException e) {
      throw new UserError(oneLine(e), e);
    }
  }

  private static DataSettings dataSettings(Config c) {
    InputDistribution distribution = parseOne(c, "data.distribution", InputDistribution::parse);
    String unused = distribution == InputDistribution.NORMAL
        ? leftDefault(c, "data.low", "data.high") : leftDefault(c, "data.mean", "data.std");
    if (unused != null) {
      // a key the distribution ignores would otherwise be written and hashed but never used
      throw new UserError(unused + " does not apply to data.distribution = " + distribution
          + " (uniform uses data.low, data.high; normal uses data.mean, data.std)");
    }
    try {
      return new DataSettings(c.getInt("data.points"), c.getInt("data.test-points"),
          c.getDouble("data.low"), c.getDouble("data.high"), c.getLong("data.seed"),
          distribution, c.getDouble("data.mean"), c.getDouble("data.std"),
          c.getDouble("data.noise"));
    } catch (IllegalArgumentException e) {
      throw new UserError("data: " + e.getMessage(), e);
    }
  }

  /** The first of {@code keys} set to other than its default, or null. */
  private static String leftDefault(Config c, String... keys) {
    Config defaults = ConfigFactory.parseString(DEFAULTS);
    return Stream.of(keys).filter(k -> c.getDouble(k) != defaults.getDouble(k)).findFirst()
        .orElse(null);
  }

  private static ModelSettings modelSettings(Config c) {
    Parametrization parametrization =
        parseOne(c, "model.parametrization", Parametrization::parse);
    try {
      return new ModelSettings(parametrization, c.getDouble("init.first-scale"),
          c.getDouble("init.second-scale"), c.getDouble("model.leaky-slope"));
    } catch (IllegalArgumentException e) {
      throw new UserError((e.getMessage().startsWith("leaky") ? "model." : "init.")
          + e.getMessage(), e);
    }
  }

  private static TrainSettings trainSettings(Config c) {
    OptimizerType optimizer = parseOne(c, "training.optimizer", OptimizerType::parse);
    try {
      return new TrainSettings(c.getInt("training.steps"), c.getDouble("training.lr"),
          c.getInt("training.decay-every"), c.getDouble("training.decay-factor"),
          c.getDouble("training.beta1"), c.getDouble("training.beta2"), c.getDouble("training.eps"),
          c.getInt("training.curve-points"), optimizer, c.getDouble("training.momentum"),
          c.getDouble("training.weight-decay"));
    } catch (IllegalArgumentException e) {
      // TrainSettings names its fields as train-one's options; here they live under training.
      throw new UserError("training." + e.getMessage(), e);
    }
  }

  private static void rejectUnknownKeys(Config user) {
    Set<String> keys = new TreeSet<>();
    user.entrySet().forEach(entry -> keys.add(entry.getKey()));
    for (String key : keys) {
      if (!KEYS.contains(key) && !key.startsWith("sweep.")) {
        throw new UserError("unknown key '" + key + "' in "
            + user.getValue(key).origin().description() + " (allowed: " + String.join(", ", KEYS) + ")");
      }
    }
  }

  private interface Parser<T> {
    T parse(String id);
  }

  private static <T> List<T> parseAll(Config c, String key, Parser<T> parser) {
    List<T> out = new ArrayList<>();
    for (String id : c.getStringList(key)) {
      try {
        out.add(parser.parse(id));
      } catch (IllegalArgumentException e) {
        throw new UserError(key + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static <T> T parseOne(Config c, String key, Parser<T> parser) {
    try {
      return parser.parse(c.getString(key));
    } catch (IllegalArgumentException e) {
      throw new UserError(key + ": " + e.getMessage(), e);
    }
  }

  private static <T> List<T> requireDistinct(String key, List<T> values) {
    if (values == null || values.isEmpty()) {
      throw new UserError(key + " must list at least one value");
    }
    Set<T> seen = new LinkedHashSet<>();
    for (T v : values) {
      if (!seen.add(v)) {
        throw new UserError(key + " lists " + v + " twice");
      }
    }
    return values;
  }

  private static String oneLine(ConfigException e) {
    return e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /**
   * The grid in canonical order: target, activation, setting, width, seed index (each as listed;
   * settings in {@link Sweep#settings()} order).
   */
  public List<TaskKey> tasks() {
    List<TaskKey> out = new ArrayList<>(taskCount());
    List<Setting> swept = sweep.settings();
    for (Target target : targets) {
      for (Activation activation : activations) {
        for (Setting setting : swept) {
          for (int width : widths) {
            for (long s = seedOffset; s < seedOffset + seeds; s++) {
              out.add(new TaskKey(target, activation, width, s, setting));
            }
          }
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  public int taskCount() {
    long n = (long) targets.size() * activations.size() * widths.size() * seeds
        * sweep.settings().size();
    if (n > Integer.MAX_VALUE) {
      throw new UserError("the grid has " + n + " networks; at most "
          + Integer.MAX_VALUE + " fit one experiment");
    }
    return (int) n;
  }

  /**
   * The resolved experiment, one {@code key = value} line per key of {@link #KEYS} (those of
   * {@link #LATER_KEYS} only when not at their default): valid HOCON.
   */
  public String canonical() {
    DataSettings d = settings.data();
    ModelSettings m = settings.model();
    TrainSettings t = settings.training();
    Object[] first = { // FIRST_KEYS' values
      quote(name), targetList(),
      ids(activations.stream().map(Activation::id).toList()), widths.toString(), seeds, seedOffset,
      settings.experimentSeed(),
      d.trainPoints(), d.testPoints(), d.low(), d.high(), d.dataSeed(),
      t.steps(), t.learningRate(), t.decayEvery(), t.decayFactor(), t.beta1(), t.beta2(),
      t.epsilon(), t.curvePoints()
    };
    Object[] later = { // LATER_KEYS' values
      d.distribution(), d.mean(), d.std(), d.noise(), m.firstScale(), m.secondScale(),
      quote(m.parametrization().id()), t.optimizer(), t.momentum(), t.weightDecay(),
      m.leakySlope()
    };
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < first.length; k++) {
      s.append(FIRST_KEYS.get(k)).append(" = ").append(first[k]).append('\n');
    }
    Object[] defaults = laterDefaults();
    for (int k = 0; k < later.length; k++) {
      if (!later[k].equals(defaults[k])) {
        s.append(LATER_KEYS.get(k)).append(" = ").append(later[k]).append('\n');
      }
    }
    if (!sweep.isEmpty()) {
      s.append(sweep.canonical()).append('\n');
    }
    return s.toString();
  }

  /** LATER_KEYS' default values, as {@link #canonical} holds them. */
  private static Object[] laterDefaults() {
    DataSettings d = DataSettings.paper();
    ModelSettings m = ModelSettings.paper();
    TrainSettings t = TrainSettings.paper();
    return new Object[] {d.distribution(), d.mean(), d.std(), d.noise(), m.firstScale(),
        m.secondScale(), quote(m.parametrization().id()), t.optimizer(), t.momentum(),
        t.weightDecay(), m.leakySlope()};
  }

  /** 16 hex digits of SHA-256 over {@link #canonical()} (UTF-8). */
  public String hash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonical().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e); // not the user's to fix
    }
  }

  private static String quote(String s) {
    return '"' + s + '"';
  }

  /** Names bare, as they always were (the hash of a named grid is unchanged); formulas quoted. */
  private String targetList() {
    return targets.stream().map(t -> t.isFormula() ? quote(t.id()) : t.id())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String ids(List<String> ids) {
    return ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ", "[", "]"));
  }
}
