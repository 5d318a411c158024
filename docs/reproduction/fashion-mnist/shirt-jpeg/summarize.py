"""The AUROCs and late training loss of run.sh's runs, and the control: the PNG zip's per-image
scores against the IDX run's.

    python3 summarize.py /var/tmp/geotrans-jpeg/quick
"""
import csv, glob, gzip, json, os, re, sys

FOLDERS = ["t-shirt-top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"]
root = sys.argv[1]


def aurocs(run):
    r = json.load(open(os.path.join(root, run, "results.json")))
    return {s["detector"]: s["auroc-mean"] for s in r["summaries"]}


def scores(run):
    [path] = glob.glob(os.path.join(root, run, "scores-*.csv"))
    return {int(row["index"]): (float(row["geotrans-dirichlet"]), float(row["geotrans-simplified"]))
            for row in csv.DictReader(open(path))}


def late_loss(run):
    """Mean of the training losses the log shows over the last fifth of the steps (one batch each)."""
    text = open(os.path.join(root, run + ".log")).read().replace("\r", "\n")
    steps = [(int(m.group(1)), int(m.group(2)), float(m.group(3)))
             for m in re.finditer(r"train epoch .*?%\s+(\d+)/(\d+) .*?loss ([\d.]+)", text)]
    late = [loss for step, total, loss in steps if step >= 0.8 * total]
    return sum(late) / len(late)


print("| run | Dirichlet | simplified | Dirichlet - simplified | training loss, last fifth of the steps |")
print("|---|---:|---:|---:|---:|")
for run in sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))):
    a = aurocs(run)
    d, s = a["GEOTRANS_DIRICHLET"], a["GEOTRANS_SIMPLIFIED"]
    print(f"| {run} | {d:.4f} | {s:.4f} | {d - s:+.4f} | {late_loss(run):.3f} |")

# The folder reader takes test images class folder by class folder; map its positions to IDX indices.
labels = gzip.open("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz").read()[8:]
idx_of_position = sorted(range(len(labels)), key=lambda i: (FOLDERS[labels[i]], i))
a = scores("idx-seed0")
for other in ("png", "jpg75"):
    if not os.path.isdir(os.path.join(root, other + "-seed0")):
        continue
    b = {idx_of_position[k]: v for k, v in scores(other + "-seed0").items()}
    same = sum(a[i] == b[i] for i in a)
    print(f"{other}-seed0 against idx-seed0: {same} of {len(a)} test images score exactly the same")
