# Of diagnose runs' confusions (rows: applied transformation, shares over the network's guesses):
# the mean accuracy and which part of the transformation the network gets right: the rotation, the
# flip once the rotation is right, flip and rotation together, and the translation once both are
# right (a mirror or rotation maps a translation onto another, so the translation alone is only
# comparable given the right flip and rotation). Used for bird (as-anomaly/) and for the
# Fashion-MNIST JPEG networks (fashion-mnist/shirt-jpeg/diagnose/summary.md).
# python3 confusion_split.py DIR/diagnostics.json...
import json, sys, re


def parts(n):
    rot = re.search(r'rot(90|180|270)', n)
    return n.startswith('flip'), rot.group(0) if rot else 'rot0'


print("| run | normal class | images | accuracy | rotation right | flip right, given the rotation "
      "| flip and rotation right | translation right, given both |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for path in sys.argv[1:]:
    d = json.load(open(path))
    names = [p.get('transformation', p.get('name')) for p in d['per-transformation']]
    C = d['confusion']; k = len(names)
    acc = sum(C[i][i] for i in range(k)) / k
    rot_ok = sum(C[i][j] for i in range(k) for j in range(k) if parts(names[i])[1] == parts(names[j])[1]) / k
    geo_ok = sum(C[i][j] for i in range(k) for j in range(k) if parts(names[i]) == parts(names[j])) / k
    run = path.split('/')[-2]
    print(f"| {run} | {d['normal-class']} | {d['normal-images']} | {acc:.3f} | {rot_ok:.3f} | {geo_ok / rot_ok:.3f} "
          f"| {geo_ok:.4f} | {acc / geo_ok:.4f} |")
