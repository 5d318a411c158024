# Of a diagnose run's confusion (rows: applied transformation, shares over the network's guesses):
# accuracy, the share with the right flip and rotation, and how often the translation is right then
# (a mirror or rotation maps a translation onto another, so the translation alone is only
# comparable given the right flip and rotation).
# python3 confusion_split.py DIR/diagnostics.json...
import json, sys, re
def parts(n):
    rot = re.search(r'rot(90|180|270)', n); rot = rot.group(0) if rot else 'rot0'
    flip = n.startswith('flip')
    return flip, rot
for path in sys.argv[1:]:
    d = json.load(open(path))
    names = [p.get('transformation', p.get('name')) for p in d['per-transformation']]
    C = d['confusion']; k = len(names)
    acc = sum(C[i][i] for i in range(k)) / k
    geo_ok = sum(C[i][j] for i in range(k) for j in range(k) if parts(names[i]) == parts(names[j])) / k
    print(f"{path}: normal-class {d['normal-class']}, {d['normal-images']} images: accuracy {acc:.3f}, "
          f"flip+rotation right {geo_ok:.4f}, translation right when flip+rotation is {acc / geo_ok:.4f}")
