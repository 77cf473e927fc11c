#!/usr/bin/python3
"""The PyTorch peer of `lottery bench`: the same network, data size, optimiser and schedule,
written the obvious way a researcher writes it (nn.Sequential, MSELoss, torch.optim.Adam, StepLR),
one thread, float64, one network at a time. Prints the median throughput in neuron-steps/s
(width N x points M x steps S), after one warm-up run, like `lottery bench`.

  /usr/bin/python3 bench/torch_peer.py --activation silu --width 50 --points 1000 --steps 2000
"""
import argparse
import statistics
import time

import torch

ACTIVATIONS = {"silu": torch.nn.SiLU, "relu": torch.nn.ReLU,
               "leaky_relu": lambda: torch.nn.LeakyReLU(0.01), "tanh": torch.nn.Tanh,
               "gelu": lambda: torch.nn.GELU(approximate="tanh"), "sigmoid": torch.nn.Sigmoid,
               "softplus": torch.nn.Softplus}


def train(activation, width, x, y, steps):
    model = torch.nn.Sequential(torch.nn.Linear(1, width), ACTIVATIONS[activation](),
                                torch.nn.Linear(width, 1)).double()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10000, gamma=0.2)
    loss_fn = torch.nn.MSELoss()
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        scheduler.step()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--activation", default="silu", choices=sorted(ACTIVATIONS))
    p.add_argument("--width", type=int, default=50)
    p.add_argument("--points", type=int, default=1000)
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                   help="wall: elapsed time; cpu: this thread's CPU time (fairer on a shared machine)")
    a = p.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    x = (torch.rand(a.points, 1, dtype=torch.float64) * 4 - 2)
    y = x ** 2
    clock = time.perf_counter if a.clock == "wall" else time.thread_time
    train(a.activation, a.width, x, y, a.steps)  # warm-up
    seconds = []
    for k in range(a.repeats):
        start = clock()
        loss = train(a.activation, a.width, x, y, a.steps)
        seconds.append(clock() - start)
        print(f"run {k + 1}: {seconds[-1]:.4f} s, train loss {loss:.6e}", flush=True)
    median = statistics.median(seconds)
    neuron_steps = a.width * a.points * a.steps
    print(f"pytorch {torch.__version__}, {a.activation}, d=1, N={a.width}, M={a.points}, S={a.steps}, "
          f"median of {a.repeats} runs by {a.clock} clock: {median:.4f} s = {neuron_steps / median:.4g} neuron-steps/s")


if __name__ == "__main__":
    main()
