"""The chapter's MLP in PyTorch, as the bench's native peer.

784-64-32-10 relu/relu/softmax, Adam (lr 1e-3, eps 1e-7 as in Keras),
categorical cross-entropy, batch 128, shuffled each epoch, validation pass
per epoch: the same work as tfjs's model.fit with validationData. Data: the
gzipped IDX files from public/data/mnist, scaled /255, split with
scikit-learn's train_test_split(test_size=0.3, random_state=777) - the same
indices as the course's trainTestSplit. Prints one JSON object.
Optional third argument: a trainer-coverage variant of chapter-model.ts
(dense-inputs, sgd, rmsprop, sigmoid-bce, dropout), mirrored here.
Install: apt-get install -y python3-torch libopenblas0-pthread (Debian's
torch links the generic libblas.so.3, which is the slow reference BLAS unless
OpenBLAS provides it). The JSON names the BLAS library, the OpenBLAS kernel
(core) and its threads, so a slow peer shows why.
"""
import ctypes, gzip, json, os, sys, time

import numpy as np
import torch

data_dir, epochs = sys.argv[1], int(sys.argv[2])
variant = sys.argv[3] if len(sys.argv) > 3 else "chapter"
def idx(name, offset):
    with gzip.open(f"{data_dir}/{name}", "rb") as fh:
        return np.frombuffer(fh.read(), dtype=np.uint8, offset=offset)

x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / np.float32(255)
y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
try:
    from sklearn.model_selection import train_test_split
    x_tr, x_va, y_tr, y_va = train_test_split(x, y, test_size=0.3, random_state=777)
except ImportError:  # same sizes, different indices
    perm = np.random.RandomState(777).permutation(len(x))
    x_tr, x_va, y_tr, y_va = x[perm[:42000]], x[perm[42000:]], y[perm[:42000]], y[perm[42000:]]

if variant == "dense-inputs":  # StandardScaler fitted on the training rows (std 0 -> 1)
    mean, std = x_tr.mean(0), x_tr.std(0)
    std[std == 0] = 1
    x_tr, x_va = ((x_tr - mean) / std).astype(np.float32), ((x_va - mean) / std).astype(np.float32)

torch.manual_seed(0)
x_tr, x_va = torch.from_numpy(np.ascontiguousarray(x_tr)), torch.from_numpy(np.ascontiguousarray(x_va))
y_tr, y_va = torch.from_numpy(np.ascontiguousarray(y_tr)), torch.from_numpy(np.ascontiguousarray(y_va))
drop = [torch.nn.Dropout(0.2)] if variant == "dropout" else []
model = torch.nn.Sequential(torch.nn.Linear(784, 64), torch.nn.ReLU(), *drop, torch.nn.Linear(64, 32), torch.nn.ReLU(), *drop, torch.nn.Linear(32, 10))
if variant == "sgd":
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
elif variant == "rmsprop":  # tfjs: decay 0.9, epsilon 1e-7
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
else:
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
if variant == "sigmoid-bce":  # sigmoid + binary cross-entropy on the one-hot labels
    bce = torch.nn.BCEWithLogitsLoss()
    loss_fn = lambda logits, labels: bce(logits, torch.nn.functional.one_hot(labels, 10).float())
else:
    loss_fn = torch.nn.CrossEntropyLoss()  # softmax + categorical cross-entropy
def blas_in_use():
    """The BLAS library this process loaded, with OpenBLAS's kernel and threads."""
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return {"library": path, "openblasCore": lib.openblas_get_corename().decode(), "openblasThreads": lib.openblas_get_num_threads()}
        except (OSError, AttributeError):
            continue
    return {"library": paths[0] if paths else None, "openblasCore": None, "openblasThreads": None,
            "note": "not OpenBLAS (reference BLAS is ~10x slower): apt-get install -y libopenblas0-pthread"}

times, val_acc = [], 0.0
for epoch in range(epochs):
    t0 = time.perf_counter()
    model.train()
    perm = torch.randperm(len(x_tr))
    for i in range(0, len(x_tr), 128):
        idx_b = perm[i:i + 128]
        opt.zero_grad()
        loss = loss_fn(model(x_tr[idx_b]), y_tr[idx_b])
        loss.backward()
        opt.step()
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x_va), 128):
            correct += (model(x_va[i:i + 128]).argmax(1) == y_va[i:i + 128]).sum().item()
    val_acc = correct / len(x_va)
    times.append(time.perf_counter() - t0)
print(json.dumps({"engine": "pytorch", "variant": variant, "torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_in_use(),
                  "openblasEnv": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}, "epochTimes": times, "valAccuracy": val_acc}))
