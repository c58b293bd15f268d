"""The chapter's MLP in PyTorch, as the bench's native peer.

784-64-32-10 relu/relu/softmax, Adam (lr 1e-3, eps 1e-7 as in Keras),
categorical cross-entropy, batch 128, shuffled each epoch, validation pass
per epoch: the same work as tfjs's model.fit with validationData. Data: the
gzipped IDX files from public/data/mnist, scaled /255, split with
scikit-learn's train_test_split(test_size=0.3, random_state=777) - the same
indices as the course's trainTestSplit. Prints one JSON object.
Install: apt-get install -y python3-torch (Debian, uses OpenBLAS).
"""
import gzip, json, sys, time

import numpy as np
import torch

data_dir, epochs = sys.argv[1], int(sys.argv[2])
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

torch.manual_seed(0)
x_tr, x_va = torch.from_numpy(np.ascontiguousarray(x_tr)), torch.from_numpy(np.ascontiguousarray(x_va))
y_tr, y_va = torch.from_numpy(np.ascontiguousarray(y_tr)), torch.from_numpy(np.ascontiguousarray(y_va))
model = torch.nn.Sequential(torch.nn.Linear(784, 64), torch.nn.ReLU(), torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
loss_fn = torch.nn.CrossEntropyLoss()  # softmax + categorical cross-entropy
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
print(json.dumps({"engine": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(), "epochTimes": times, "valAccuracy": val_acc}))
