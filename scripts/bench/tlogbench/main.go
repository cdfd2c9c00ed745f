// tlogbench: the Go peer of `quartermaster bench tlog`. It runs golang.org/x/mod/sumdb/tlog (Debian's
// golang-golang-x-mod-dev, built offline in GOPATH mode) on the same leaves and the same random proof queries as
// the Swift benchmark and prints one JSON object on stdout.
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o tlogbench scripts/bench/tlogbench/main.go
//	./tlogbench -leaves 1000000 -proofs 1000 -seed 1
//
// Leaf i is 32 bytes: "quartermaster-bench-leaf/v1" padded with zeros to 24 bytes, then i as a big-endian uint64.
// Appending leaf i is tlog.StoredHashes(i, leaf, r) (which hashes the leaf) plus appending the result to an
// in-memory []tlog.Hash; proofs are tlog.ProveRecord and tlog.ProveTree over the same slice. The queries come from
// SplitMix64(seed): first `proofs` leaf indexes (next % N) for inclusion in N, then `proofs` old sizes
// (1 + next % (N-1)) for consistency with N. proof_sha256 hashes every proof hash in order, so the Swift side can
// check that both produced byte-identical proofs. The root time is the median of 101 TreeHash calls.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

type splitMix64 struct{ state uint64 }

func (s *splitMix64) next() uint64 {
	s.state += 0x9E3779B97F4A7C15
	z := s.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

type result struct {
	Go                 string  `json:"go"`
	Leaves             int64   `json:"leaves"`
	StoredHashes       int     `json:"stored_hashes"`
	AppendSeconds      float64 `json:"append_seconds"`
	TreeHashNanos      int64   `json:"tree_hash_ns"`
	Root               string  `json:"root"`
	InclusionNanos     []int64 `json:"inclusion_ns"`
	ConsistencyNanos   []int64 `json:"consistency_ns"`
	ProofSHA256        string  `json:"proof_sha256"`
	InclusionHashes    int     `json:"inclusion_hashes"`
	ConsistencyHashes  int     `json:"consistency_hashes"`
	HeapAllocatedBytes uint64  `json:"heap_bytes"`
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tlogbench: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	leaves := flag.Int64("leaves", 1000000, "number of leaves to append")
	proofs := flag.Int("proofs", 1000, "random inclusion and consistency proofs to time")
	seed := flag.Uint64("seed", 1, "SplitMix64 seed for the proof queries")
	flag.Parse()
	n := *leaves
	if n < 2 {
		fail("-leaves must be at least 2")
	}

	var storage []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			if x < 0 || x >= int64(len(storage)) {
				return nil, fmt.Errorf("stored hash %d not written", x)
			}
			out[i] = storage[x]
		}
		return out, nil
	})

	leaf := make([]byte, 32)
	copy(leaf, "quartermaster-bench-leaf/v1")
	start := time.Now()
	for i := int64(0); i < n; i++ {
		binary.BigEndian.PutUint64(leaf[24:], uint64(i))
		hashes, err := tlog.StoredHashes(i, leaf, reader)
		if err != nil {
			fail("StoredHashes(%d): %v", i, err)
		}
		storage = append(storage, hashes...)
	}
	appendSeconds := time.Since(start).Seconds()

	// The root: the median of 101 calls.
	var root tlog.Hash
	var rootNanos []int64
	for k := 0; k < 101; k++ {
		start := time.Now()
		h, err := tlog.TreeHash(n, reader)
		rootNanos = append(rootNanos, time.Since(start).Nanoseconds())
		if err != nil {
			fail("TreeHash: %v", err)
		}
		root = h
	}
	sort.Slice(rootNanos, func(i, j int) bool { return rootNanos[i] < rootNanos[j] })
	treeHashNanos := rootNanos[50]

	rng := splitMix64{*seed}
	digest := sha256.New()
	res := result{
		Go: runtime.Version(), Leaves: n, StoredHashes: len(storage), AppendSeconds: appendSeconds,
		TreeHashNanos: treeHashNanos, Root: root.String(),
	}
	for k := 0; k < *proofs; k++ {
		index := int64(rng.next() % uint64(n))
		start := time.Now()
		proof, err := tlog.ProveRecord(n, index, reader)
		res.InclusionNanos = append(res.InclusionNanos, time.Since(start).Nanoseconds())
		if err != nil {
			fail("ProveRecord(%d, %d): %v", n, index, err)
		}
		for _, h := range proof {
			digest.Write(h[:])
		}
		res.InclusionHashes += len(proof)
	}
	for k := 0; k < *proofs; k++ {
		old := 1 + int64(rng.next()%uint64(n-1))
		start := time.Now()
		proof, err := tlog.ProveTree(n, old, reader)
		res.ConsistencyNanos = append(res.ConsistencyNanos, time.Since(start).Nanoseconds())
		if err != nil {
			fail("ProveTree(%d, %d): %v", n, old, err)
		}
		for _, h := range proof {
			digest.Write(h[:])
		}
		res.ConsistencyHashes += len(proof)
	}
	res.ProofSHA256 = hex.EncodeToString(digest.Sum(nil))
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	res.HeapAllocatedBytes = mem.HeapAlloc
	sort.Slice(res.InclusionNanos, func(i, j int) bool { return res.InclusionNanos[i] < res.InclusionNanos[j] })
	sort.Slice(res.ConsistencyNanos, func(i, j int) bool { return res.ConsistencyNanos[i] < res.ConsistencyNanos[j] })
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		fail("%v", err)
	}
}
