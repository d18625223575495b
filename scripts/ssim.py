#!/usr/bin/env python3
"""SSIM of images against a reference, on the luma channel with 7x7 windows (Pillow, numpy).
Usage: ssim.py REFERENCE IMAGE... ; prints one score per image. Used by bench-photos.sh and
bench-heic.sh."""
import sys
import numpy as np
from PIL import Image
def luma(path, size):
    im = Image.open(path).convert("L")
    if im.size != size:
        im = im.resize(size, Image.LANCZOS)
    return np.asarray(im, dtype=np.float64)
def blur(a, k=7):
    c = np.cumsum(np.cumsum(np.pad(a, ((1, 0), (1, 0))), 0), 1)
    return (c[k:, k:] - c[:-k, k:] - c[k:, :-k] + c[:-k, :-k]) / (k * k)
def ssim(a, b):
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    ma, mb = blur(a), blur(b)
    va, vb, cov = blur(a * a) - ma * ma, blur(b * b) - mb * mb, blur(a * b) - ma * mb
    s = ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
    return s.mean()
ref = Image.open(sys.argv[1]).size
base = luma(sys.argv[1], ref)
for path in sys.argv[2:]:
    print("%.4f" % ssim(base, luma(path, ref)))
