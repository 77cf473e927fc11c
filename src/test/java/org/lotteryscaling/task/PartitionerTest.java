package org.lotteryscaling.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.TrainSettings;

class PartitionerTest {
  private static final ToLongFunction<Long> SELF = x -> x;

  @Test
  void costIsWidthTimesPointsTimesStepsTimesDimension() {
    TaskSettings s = new TaskSettings(0, new DataSettings(1000, 7, -2, 2, 0), TrainSettings.paper());
    assertEquals(10_000L * 1000 * 50_000, TaskCost.neuronSteps(s, new TaskKey(Target.X2, Activation.SILU, 10_000, 0)));
    assertEquals(3L * 1000 * 50_000 * 4, TaskCost.neuronSteps(s, new TaskKey(Target.MUL4, Activation.RELU, 3, 9)));
  }

  @Test
  void everyTaskLandsInExactlyOneBinAndTheBinsAreNearOptimal() {
    Random random = new Random(1);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(9);
      int bins = 1 + random.nextInt(4);
      List<Long> tasks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        tasks.add(1L + random.nextInt(trial % 2 == 0 ? 10 : 1000));
      }
      List<List<Long>> out = Partitioner.balance(tasks, SELF, bins);
      assertEquals(Math.min(n, bins), out.size());
      List<Long> all = new ArrayList<>();
      out.forEach(all::addAll);
      all.sort(null);
      List<Long> sorted = new ArrayList<>(tasks);
      sorted.sort(null);
      assertEquals(sorted, all);
      long makespan = out.stream().mapToLong(b -> b.stream().mapToLong(x -> x).sum()).max().orElseThrow();
      // Graham's bound for LPT against the exact optimum (exhaustive over assignments).
      long optimum = optimum(tasks, bins);
      assertTrue(3 * makespan <= 4 * optimum, tasks + " into " + bins + ": " + makespan + " vs " + optimum);
    }
  }

  @Test
  void aTaskCostlierThanTheMeanBinIsAlone() {
    List<Long> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tasks.add(i == 57 ? 10_000L * 50 : 1L + i % 50);
    }
    List<List<Long>> out = Partitioner.balance(tasks, SELF, 8);
    assertEquals(List.of(500_000L), out.get(0));
    long light = out.get(1).stream().mapToLong(x -> x).sum();
    long lightest = out.get(7).stream().mapToLong(x -> x).sum();
    assertTrue(light - lightest <= 50, light + " vs " + lightest);
  }

  @Test
  void theSameInputGivesTheSameBins() {
    List<Long> tasks = List.of(5L, 3L, 5L, 1L, 3L, 5L, 2L, 2L);
    assertEquals(Partitioner.balance(tasks, SELF, 3), Partitioner.balance(new ArrayList<>(tasks), SELF, 3));
    assertEquals(List.of(), Partitioner.balance(List.<Long>of(), SELF, 3));
    assertThrows(IllegalArgumentException.class, () -> Partitioner.balance(tasks, SELF, 0));
  }

  private static long optimum(List<Long> tasks, int bins) {
    long[] load = new long[bins];
    return search(tasks, 0, load, Long.MAX_VALUE);
  }

  private static long search(List<Long> tasks, int i, long[] load, long best) {
    long current = 0;
    for (long l : load) {
      current = Math.max(current, l);
    }
    if (current >= best) {
      return best;
    }
    if (i == tasks.size()) {
      return current;
    }
    for (int b = 0; b < load.length; b++) {
      load[b] += tasks.get(i);
      best = Math.min(best, search(tasks, i + 1, load, best));
      load[b] -= tasks.get(i);
    }
    return best;
  }
}
