"""Of diagnose runs' confusions (rows: applied transformation, shares over the network's guesses):
the mean accuracy, and which part of the transformation the network gets right: the rotation, the
flip once the rotation is right, the translation once flip and rotation are right.

    python3 confusion_parts.py DIR/*/diagnostics.json
"""
import json, re, sys


def parts(name):
    rot = re.search(r"rot(90|180|270)", name)
    return name.startswith("flip"), rot.group(0) if rot else "rot0"


print("| run | normal class | images | accuracy | rotation right | flip right, given the rotation | translation right, given both |")
print("|---|---|---:|---:|---:|---:|---:|")
for path in sys.argv[1:]:
    d = json.load(open(path))
    names = [p["transformation"] for p in d["per-transformation"]]
    conf, k = d["confusion"], len(names)
    acc = sum(conf[i][i] for i in range(k)) / k
    rot = sum(conf[i][j] for i in range(k) for j in range(k) if parts(names[i])[1] == parts(names[j])[1]) / k
    both = sum(conf[i][j] for i in range(k) for j in range(k) if parts(names[i]) == parts(names[j])) / k
    run = path.split("/")[-2]
    print(f"| {run} | {d['normal-class']} | {d['normal-images']} | {acc:.3f} | {rot:.3f} | {both / rot:.3f} | {acc / both:.4f} |")
