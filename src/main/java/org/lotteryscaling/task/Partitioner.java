package org.lotteryscaling.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Spreads tasks over bins of nearly equal total cost: longest processing time first (LPT), i.e.
 * the tasks by decreasing cost, each into the bin with the least cost so far. The makespan is at
 * most 4/3 of the optimum; a task costlier than the mean bin ends up alone in its bin, so one
 * wide network never has a queue of others behind it. Ties go by the tasks' order in the input
 * and the lower bin index, so the same input always gives the same bins.
 */
public final class Partitioner {
  private Partitioner() {}

  /**
   * The tasks in at most {@code bins} non-empty bins (fewer when there are fewer tasks), each bin
   * in the input's order; bins ordered by decreasing cost.
   */
  public static <T> List<List<T>> balance(List<T> tasks, ToLongFunction<T> cost, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("need at least one bin, got " + bins);
    }
    int k = Math.min(bins, tasks.size());
    // Each task's cost once: a swept task's cost applies its setting, and the sort asks often.
    long[] costs = new long[tasks.size()];
    List<Integer> order = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      costs[i] = cost.applyAsLong(tasks.get(i));
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> costs[i]).reversed()
        .thenComparing(i -> i));
    long[] load = new long[k];
    List<List<Integer>> members = new ArrayList<>(k);
    PriorityQueue<Integer> lightest = new PriorityQueue<>(
        Comparator.comparingLong((Integer b) -> load[b]).thenComparing(b -> b));
    for (int b = 0; b < k; b++) {
      members.add(new ArrayList<>());
      lightest.add(b);
    }
    for (int i : order) {
      int b = lightest.poll();
      members.get(b).add(i);
      load[b] += costs[i];
      lightest.add(b);
    }
    List<Integer> binOrder = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      binOrder.add(b);
    }
    binOrder.sort(Comparator.comparingLong((Integer b) -> load[b]).reversed().thenComparing(b -> b));
    List<List<T>> out = new ArrayList<>(k);
    for (int b : binOrder) {
      List<Integer> idx = members.get(b);
      idx.sort(null);
      List<T> bin = new ArrayList<>(idx.size());
      for (int i : idx) {
        bin.add(tasks.get(i));
      }
      out.add(bin);
    }
    return out;
  }
}
