package align

import (
	"context"
	"math"
	"sync"
)

// Model parameters after fast_align (Dyer et al. 2013): probability of aligning to NULL, and the
// tension of the diagonal prior.
const (
	nullProb = 0.08
	lambda   = 4.0
)

// pairTable gives every (source id, target id) pair that co-occurs in a scored segment a dense index, and
// keeps per scored segment the m×n matrix of those indexes (row = source token, column = target token), so
// that EM reads its parameters from flat arrays instead of hashing.
type pairTable struct {
	off      []int // per segment: start of its matrix in idx, or -1 when not scored
	idx      []int32
	src, tgt []int32              // per pair: source and target lexicon id
	priors   map[[2]int][]float32 // diagonal priors by shape (generating, generated tokens), read-only once built
	acc      [parts]counts        // expected-count buffers shared by the two directions
}

func (c *corpus) buildPairs(ctx context.Context) (*pairTable, error) {
	pt := &pairTable{off: make([]int, len(c.segs)), priors: make(map[[2]int][]float32)}
	ids := make(map[uint64]int32)
	total := 0
	for i := range c.segs {
		sg := &c.segs[i]
		if sg.scored {
			total += len(sg.toks[0]) * len(sg.toks[1])
		}
	}
	pt.idx = make([]int32, 0, total)
	for i := range c.segs {
		if i%1024 == 0 {
			if err := cancelled(ctx); err != nil {
				return nil, err
			}
		}
		sg := &c.segs[i]
		if !sg.scored {
			pt.off[i] = -1
			continue
		}
		pt.off[i] = len(pt.idx)
		pt.addPrior(len(sg.toks[0]), len(sg.toks[1]))
		pt.addPrior(len(sg.toks[1]), len(sg.toks[0]))
		for _, a := range sg.toks[0] {
			for _, b := range sg.toks[1] {
				k := uint64(uint32(a.id))<<32 | uint64(uint32(b.id))
				p, ok := ids[k]
				if !ok {
					p = int32(len(pt.src))
					ids[k] = p
					pt.src = append(pt.src, a.id)
					pt.tgt = append(pt.tgt, b.id)
				}
				pt.idx = append(pt.idx, p)
			}
		}
	}
	return pt, nil
}

// addPrior computes, once per segment shape, the diagonal alignment prior for m generating and n
// generated tokens: p[e*m+f] ∝ exp(−λ·|(f+½)/m − (e+½)/n|), normalized over f for each e.
func (pt *pairTable) addPrior(m, n int) {
	k := [2]int{m, n}
	if _, ok := pt.priors[k]; ok {
		return
	}
	p := make([]float32, m*n)
	for e := range n {
		z := 0.0
		row := p[e*m : (e+1)*m]
		for f := range m {
			v := math.Exp(-lambda * math.Abs((float64(f)+0.5)/float64(m)-(float64(e)+0.5)/float64(n)))
			row[f] = float32(v)
			z += v
		}
		for f := range row {
			row[f] = float32(float64(row[f]) / z)
		}
	}
	pt.priors[k] = p
}

// direction is one translation direction of the word alignment model: tokens of side `from` generate the
// tokens of the other side, each of which aligns to one `from` token or to NULL.
type direction struct {
	from  int       // 0: source generates target; 1: target generates source
	prob  []float32 // per pair: t(generated | generating); dropped after the Viterbi alignment
	null  []float32 // per generated-side lexicon id: t(word | NULL); dropped likewise
	links []int16   // per scored segment, per generated token: the generating token, or -1
	loff  []int     // per segment: start of its links
}

// parts is the fixed number of corpus slices whose expected counts are collected separately (in parallel
// when there are cores for it) and then added in slice order: a fixed partition keeps the floating-point
// sums, and so the output, identical whatever the number of cores.
const parts = 2

// partition splits the segments into parts slices of about equal EM work (Σ m·n).
func (c *corpus) partition() [parts + 1]int {
	total := 0
	for i := range c.segs {
		if c.segs[i].scored {
			total += len(c.segs[i].toks[0]) * len(c.segs[i].toks[1])
		}
	}
	var b [parts + 1]int
	b[parts] = len(c.segs)
	k, acc := 1, 0
	for i := range c.segs {
		if k < parts && acc >= total*k/parts {
			b[k] = i
			k++
		}
		if c.segs[i].scored {
			acc += len(c.segs[i].toks[0]) * len(c.segs[i].toks[1])
		}
	}
	for ; k < parts; k++ {
		b[k] = len(c.segs)
	}
	return b
}

// counts are the expected counts of one corpus slice in one EM iteration.
type counts struct {
	pair []float64 // per pair
	null []float64 // per generated-side lexicon id
}

// train runs Model 1 then diagonal Model 2 EM iterations and computes the Viterbi alignment.
func (c *corpus) train(ctx context.Context, pt *pairTable, from int, o *Options) (*direction, error) {
	gen := 1 - from
	vGen := len(c.lex[gen].keys)
	d := &direction{from: from, prob: make([]float32, len(pt.src)), null: make([]float32, vGen)}
	u := float32(1 / float64(max(vGen, 1)))
	for p := range d.prob {
		d.prob[p] = u
	}
	for w := range d.null {
		d.null[w] = u
	}
	if pt.acc[0].pair == nil { // allocated once, reused by the second direction
		vMax := max(len(c.lex[0].keys), len(c.lex[1].keys))
		for k := range pt.acc {
			pt.acc[k] = counts{pair: make([]float64, len(pt.src)), null: make([]float64, vMax)}
		}
	}
	var acc [parts]counts
	for k := range acc {
		acc[k] = counts{pair: pt.acc[k].pair, null: pt.acc[k].null[:vGen]}
	}
	totals := make([]float64, len(c.lex[from].keys))
	bounds := c.partition()
	iters := o.Model1Iterations + o.Model2Iterations
	for it := range iters {
		diag := it >= o.Model1Iterations
		var wg sync.WaitGroup
		var errs [parts]error
		for k := range parts {
			wg.Go(func() {
				errs[k] = c.expect(ctx, pt, d, diag, bounds[k], bounds[k+1], &acc[k])
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
		}
		for k := 1; k < parts; k++ {
			for p, v := range acc[k].pair {
				acc[0].pair[p] += v
			}
			for w, v := range acc[k].null {
				acc[0].null[w] += v
			}
		}
		d.mstep(pt, acc[0].pair, acc[0].null, totals)
		stage, done, total := StageModel1, it+1, o.Model1Iterations
		if diag {
			stage, done, total = StageModel2, it-o.Model1Iterations+1, o.Model2Iterations
		}
		o.report(stage, from*total+done, 2*total) // both directions make one stage
	}
	d.viterbi(c, pt)
	d.prob, d.null = nil, nil
	return d, nil
}

// expect adds the expected alignment counts of segments [lo, hi) to acc, which it clears first. It only
// reads shared state, so slices run concurrently.
func (c *corpus) expect(ctx context.Context, pt *pairTable, d *direction, diag bool, lo, hi int, acc *counts) error {
	clear(acc.pair)
	clear(acc.null)
	from, gen := d.from, 1-d.from
	var post []float64
	for i := lo; i < hi; i++ {
		if (i-lo)%1024 == 0 {
			if err := cancelled(ctx); err != nil {
				return err
			}
		}
		sg := &c.segs[i]
		if !sg.scored {
			continue
		}
		fr, gt := sg.toks[from], sg.toks[gen]
		m, n := len(fr), len(gt)
		base, stride, step := pt.off[i], len(sg.toks[1]), 1 // index of pair (f, e) = base + f*stride + e*step
		if from == 1 {
			stride, step = 1, len(sg.toks[1])
		}
		var pr []float32
		if diag {
			pr = pt.priors[[2]int{m, n}]
		}
		if cap(post) < m {
			post = make([]float64, m)
		}
		post = post[:m]
		uni := (1 - nullProb) / float64(m)
		for e := range n {
			w := gt[e].id
			pn := nullProb * float64(d.null[w])
			sum := pn
			at := base + e*step
			for f := range m {
				q := float64(d.prob[pt.idx[at+f*stride]])
				if diag {
					q *= (1 - nullProb) * float64(pr[e*m+f])
				} else {
					q *= uni
				}
				post[f] = q
				sum += q
			}
			if sum <= 0 {
				continue
			}
			for f := range m {
				acc.pair[pt.idx[at+f*stride]] += post[f] / sum
			}
			acc.null[w] += pn / sum
		}
	}
	return nil
}

// mstep renormalizes the expected counts into t(e|f) and t(e|NULL).
func (d *direction) mstep(pt *pairTable, counts, nullc, totals []float64) {
	pfrom := pt.src
	if d.from == 1 {
		pfrom = pt.tgt
	}
	clear(totals)
	for p, v := range counts {
		totals[pfrom[p]] += v
	}
	for p, v := range counts {
		if t := totals[pfrom[p]]; t > 0 {
			d.prob[p] = float32(v / t)
		} else {
			d.prob[p] = 0
		}
	}
	nt := 0.0
	for _, v := range nullc {
		nt += v
	}
	if nt > 0 {
		for w, v := range nullc {
			d.null[w] = float32(v / nt)
		}
	}
}

// viterbi stores the most probable generating token (or -1 for NULL) of every generated token.
func (d *direction) viterbi(c *corpus, pt *pairTable) {
	gen := 1 - d.from
	d.loff = make([]int, len(c.segs))
	for i := range c.segs {
		sg := &c.segs[i]
		d.loff[i] = len(d.links)
		if !sg.scored {
			continue
		}
		fr, gt := sg.toks[d.from], sg.toks[gen]
		m, n := len(fr), len(gt)
		base, stride, step := pt.off[i], len(sg.toks[1]), 1
		if d.from == 1 {
			stride, step = 1, len(sg.toks[1])
		}
		pr := pt.priors[[2]int{m, n}]
		for e := range n {
			best, bestQ := -1, nullProb*float64(d.null[gt[e].id])
			at := base + e*step
			for f := range m {
				q := (1 - nullProb) * float64(pr[e*m+f]) * float64(d.prob[pt.idx[at+f*stride]])
				if q > bestQ {
					best, bestQ = f, q
				}
			}
			d.links = append(d.links, int16(best))
		}
	}
}
