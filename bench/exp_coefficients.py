# Near-minimax (Chebyshev interpolation) coefficients of g(r) = (exp(r) - 1 - r) / r^2 on [-a, a], degree 9,
# so that exp(r) ~ 1 + r + r^2 G(r). Printed as Java hex-free decimal literals that round-trip.
import mpmath as mp
mp.mp.dps = 60
a = mp.mpf('0.35')
deg = 9
def g(r):
    if r == 0: return mp.mpf('0.5')
    return (mp.e**r - 1 - r) / r**2
nodes = [a * mp.cos(mp.pi * (2*k + 1) / (2*(deg + 1))) for k in range(deg + 1)]
# solve Vandermonde
A = mp.matrix([[x**j for j in range(deg + 1)] for x in nodes])
b = mp.matrix([g(x) for x in nodes])
c = mp.lu_solve(A, b)
coef = [float(c[j]) for j in range(deg + 1)]
for j, v in enumerate(coef):
    print("G%d = %r;  // 1/(j+2)! = %r" % (j, v, float(1/mp.factorial(j+2))))
# error of the polynomial with double coefficients, evaluated exactly, relative to exp(r)
worst = 0
for k in range(4001):
    r = -a + 2*a*k/4000
    G = sum(mp.mpf(coef[j]) * r**j for j in range(deg + 1))
    p = 1 + r + r*r*G
    worst = max(worst, abs(p - mp.e**r) / mp.e**r)
print("max relative error of the rounded-coefficient polynomial on [-a,a]:", mp.nstr(worst, 5), " (2^-53 =", 2.0**-53, ")")
