package beam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/rel"
	"github.com/entigraph/entigraph/resolve"
)

// Options are what `entigraph build`'s flags set. Every field is plain
// data: the DoFns carry them to the workers as JSON. The zero value is
// the CLI's default run, written as DOT to Output.
type Options struct {
	Input input.Options
	// Graph is how documents are accumulated into the graph.
	Graph GraphOptions
	// KeepDuplicates keeps every copy of an article; by default a
	// document whose entigraph.ContentHash equals an earlier one's (in
	// input order) is dropped, as the CLI does.
	KeepDuplicates bool
	// Since and Until, when set, keep only the documents dated within
	// [Since, Until] (days, inclusive), leaving undated ones out, as
	// entigraph.Config's do. They are applied before duplicates are
	// looked for, as the CLI does.
	Since, Until time.Time
	// View is how the graph is weighed, pruned and analysed.
	View entigraph.View
	// Format is dot (the zero value), gexf, graphml, json or csv.
	Format string
	// Output is the file to write (a directory for csv): a local path,
	// or any path a Beam file system reads (gs://... with the gcs file
	// system linked in).
	Output string
	// Errors, when set, is a JSON Lines file of the failures, in input
	// order, as `entigraph build --errors` writes it.
	Errors string
}

// GraphOptions are graph.Options as plain data.
type GraphOptions struct {
	Scope       string   // sentence (the zero value), paragraph, document or window:N
	Types       []string // entity types to keep; empty keeps all
	MinMentions int
	// Evidence: zero means graph.DefaultEvidence, negative none.
	Evidence int
	// Aliases is the text of an aliases file, AliasesName its name in
	// errors; the text rather than a path, so workers need no copy.
	Aliases, AliasesName string
	// NoRelations leaves relations out, as the CLI's --no-relations.
	NoRelations bool
}

// options builds the graph.Options.
func (o GraphOptions) options() (graph.Options, error) {
	var opts graph.Options
	var err error
	if o.Scope != "" {
		if opts.Scope, err = graph.ParseScope(o.Scope); err != nil {
			return opts, fmt.Errorf("scope: %w", err)
		}
	}
	for _, s := range o.Types {
		t, ok := annot.ParseType(strings.ToUpper(strings.TrimSpace(s)))
		if !ok {
			return opts, fmt.Errorf("unknown entity type %q (want PERSON, ORG, LOC)", s)
		}
		opts.Types = append(opts.Types, t)
	}
	opts.MinMentions, opts.Evidence = o.MinMentions, o.Evidence
	if o.Aliases != "" {
		if opts.Aliases, err = resolve.ParseAliases(strings.NewReader(o.Aliases), o.AliasesName); err != nil {
			return opts, err
		}
	}
	return opts, nil
}

// Check validates the options before a pipeline is built, so that a
// mistake fails at once rather than on a worker.
func (o Options) Check() error {
	if _, err := o.Graph.options(); err != nil {
		return err
	}
	switch o.Format {
	case "", "dot", "gexf", "graphml", "json", "csv":
	default:
		return fmt.Errorf("unknown format %q (want dot, gexf, graphml, json or csv)", o.Format)
	}
	if o.Output == "" || o.Output == "-" {
		return errors.New("give an output path: workers cannot write to the launcher's standard output")
	}
	if !o.Since.IsZero() && !o.Until.IsZero() && o.Until.Before(o.Since) {
		return fmt.Errorf("until %s is before since %s", o.Until.Format(time.DateOnly), o.Since.Format(time.DateOnly))
	}
	return nil
}

// Shard is one expanded input: a file read whole by one worker.
type Shard struct {
	Index int    // position in the expanded input list
	Path  string // as given or found, which makes document ids
	Err   string // why the path could not be expanded, if it could not
}

// Doc is one document read, with its place in input order.
type Doc struct {
	Input, Record int // the shard's index, the document's index in it
	// The fields of input.Document but its notes (which the command
	// prints and never writes), Date as RFC 3339 ("" when unknown).
	Path          string
	Line          int
	ID, Text      string
	Title, Date   string
	DateText, URL string
	Truncated     bool
	Encoding      string
}

func docOf(in, record int, d input.Document) Doc {
	out := Doc{Input: in, Record: record, Path: d.Path, Line: d.Line, ID: d.ID, Text: d.Text, Title: d.Title,
		DateText: d.DateText, URL: d.URL, Truncated: d.Truncated, Encoding: d.Encoding}
	if !d.Date.IsZero() {
		out.Date = d.Date.Format(time.RFC3339Nano)
	}
	return out
}

func (d Doc) document() (input.Document, error) {
	out := input.Document{Path: d.Path, Line: d.Line, ID: d.ID, Text: d.Text, Title: d.Title,
		DateText: d.DateText, URL: d.URL, Truncated: d.Truncated, Encoding: d.Encoding}
	if d.Date != "" {
		t, err := time.Parse(time.RFC3339Nano, d.Date)
		if err != nil {
			return out, fmt.Errorf("%s: date %q: %w", d.ID, d.Date, err)
		}
		out.Date = t.UTC()
	}
	return out, nil
}

func (d Doc) before(o Doc) bool {
	return d.Input < o.Input || (d.Input == o.Input && d.Record < o.Record)
}

// Failure is a document or input that failed, or a warning about one,
// with its place in input order.
type Failure struct {
	Input, Record int
	Path          string
	Line          int
	Error         string
}

func failureOf(in, record int, id string, err error) Failure {
	f := Failure{Input: in, Record: record, Path: id, Error: err.Error()}
	var ie *input.Error
	if errors.As(err, &ie) {
		f.Path, f.Line, f.Error = ie.Path, ie.Line, ie.Err.Error()
	}
	return f
}

// Tally counts what a step did; tallies are summed into the run's
// totals, which the write step publishes as counters once. They travel
// as data rather than as per-step counters because a runner may lose or
// repeat the metrics of split or retried bundles (prism can drop those of
// two bundles of a step that finish at once), and the data is exact.
type Tally struct {
	Read, Duplicates, Failed, Analysed int
	Decoded                            int
	// OutsideWindow counts documents left out by Options.Since and Until.
	OutsideWindow               int
	Sentences, Tokens, Mentions int
	Relations                   int
	// Partials counts the partial graphs the analysis emitted, one per
	// bundle: how far the runner spread the work.
	Partials int
}

func (t *Tally) add(o Tally) {
	t.Read += o.Read
	t.Duplicates += o.Duplicates
	t.Failed += o.Failed
	t.Analysed += o.Analysed
	t.Decoded += o.Decoded
	t.OutsideWindow += o.OutsideWindow
	t.Sentences += o.Sentences
	t.Tokens += o.Tokens
	t.Mentions += o.Mentions
	t.Relations += o.Relations
	t.Partials += o.Partials
}

// sumTallies is the CombineFn of tallies.
func sumTallies(a, b Tally) Tally {
	a.add(b)
	return a
}

// The counters the write step publishes; Run reads them back.
const metricsNamespace = "entigraph"

var counters = struct {
	read, duplicates, outside, failed, analysed, decoded, sentences, tokens, mentions, relations, partials, written beam.Counter
}{
	beam.NewCounter(metricsNamespace, "read"), beam.NewCounter(metricsNamespace, "duplicates"),
	beam.NewCounter(metricsNamespace, "outside"),
	beam.NewCounter(metricsNamespace, "failed"), beam.NewCounter(metricsNamespace, "analysed"),
	beam.NewCounter(metricsNamespace, "decoded"),
	beam.NewCounter(metricsNamespace, "sentences"), beam.NewCounter(metricsNamespace, "tokens"),
	beam.NewCounter(metricsNamespace, "mentions"), beam.NewCounter(metricsNamespace, "relations"),
	beam.NewCounter(metricsNamespace, "partials"), beam.NewCounter(metricsNamespace, "written"),
}

// publish increments the counters by t, from one bundle.
func publish(ctx context.Context, t Tally, written int) {
	counters.read.Inc(ctx, int64(t.Read))
	counters.duplicates.Inc(ctx, int64(t.Duplicates))
	counters.outside.Inc(ctx, int64(t.OutsideWindow))
	counters.failed.Inc(ctx, int64(t.Failed))
	counters.analysed.Inc(ctx, int64(t.Analysed))
	counters.decoded.Inc(ctx, int64(t.Decoded))
	counters.sentences.Inc(ctx, int64(t.Sentences))
	counters.tokens.Inc(ctx, int64(t.Tokens))
	counters.mentions.Inc(ctx, int64(t.Mentions))
	counters.relations.Inc(ctx, int64(t.Relations))
	counters.partials.Inc(ctx, int64(t.Partials))
	counters.written.Inc(ctx, int64(written))
}

func init() {
	register.DoFn5x0[context.Context, Shard, func(Doc), func(Failure), func(Tally)](&readFn{})
	register.DoFn3x0[context.Context, Doc, func(uint64, Doc)](&hashFn{})
	register.DoFn5x0[context.Context, uint64, func(*Doc) bool, func(Doc), func(Tally)](&firstFn{})
	register.DoFn5x1[context.Context, Doc, func([]byte), func(Failure), func(Tally), error](&analyseFn{})
	register.Combiner3[*graph.Partial, []byte, []byte](&mergeFn{})
	register.Function2x1(sumTallies)
	register.DoFn5x1[context.Context, []byte, func(*[]byte) bool, func(*Failure) bool, func(*Tally) bool, error](&writeFn{})
	register.Iter1[[]byte]()
	register.Emitter1[Doc]()
	register.Emitter1[Failure]()
	register.Emitter1[Tally]()
	register.Emitter1[[]byte]()
	register.Emitter2[uint64, Doc]()
	register.Iter1[*Doc]()
	register.Iter1[*Failure]()
	register.Iter1[*Tally]()
	beam.RegisterType(reflect.TypeOf(Shard{}))
	beam.RegisterType(reflect.TypeOf(Doc{}))
	beam.RegisterType(reflect.TypeOf(Failure{}))
	beam.RegisterType(reflect.TypeOf(Tally{}))
	beam.RegisterCoder(reflect.TypeOf((*graph.Partial)(nil)), encodePartial, decodePartial)
}

// encodePartial and decodePartial carry a partial between workers in its
// deterministic JSON form. Only the scope and the evidence limit travel
// with it, and they are all Merge needs: the write step takes the graph
// from a partial made with the full options.
func encodePartial(p *graph.Partial) ([]byte, error) { return json.Marshal(p) }

func decodePartial(b []byte) (*graph.Partial, error) {
	p := graph.NewPartial(graph.Options{})
	if err := json.Unmarshal(b, p); err != nil {
		return nil, err
	}
	return p, nil
}

// Build adds the run to s: read the shards of inputs, drop duplicates,
// analyse each document, merge the partial graphs, take the graph, and
// write it. inputs come from Expand; standard input ("-") cannot be
// read by workers and fails as an input.
func Build(s beam.Scope, o Options, inputs []input.Input) {
	shards := make([]Shard, len(inputs))
	for i, in := range inputs {
		shards[i] = Shard{Index: i, Path: in.Path}
		if in.Err != nil {
			shards[i].Err = in.Err.Error()
			var ie *input.Error
			if errors.As(in.Err, &ie) {
				shards[i].Err = ie.Err.Error()
			}
		}
	}
	s = s.Scope("entigraph")
	// Each shard is its own element, so that a runner may read the files
	// on many workers.
	docs, readFailures, readTally := beam.ParDo3(s.Scope("Read"), &readFn{Input: o.Input, Since: o.Since, Until: o.Until}, beam.CreateList(s, shards))
	tallies := []beam.PCollection{readTally}
	if o.KeepDuplicates {
		// The break between reading and analysis lets a runner spread
		// the documents of one large shard over its workers.
		docs = beam.Reshuffle(s, docs)
	} else {
		keyed := beam.ParDo(s.Scope("ContentHash"), &hashFn{}, docs)
		var dupTally beam.PCollection
		docs, dupTally = beam.ParDo2(s.Scope("FirstCopy"), &firstFn{}, beam.GroupByKey(s, keyed))
		tallies = append(tallies, dupTally)
	}
	partials, analyseFailures, analyseTally := beam.ParDo3(s.Scope("Analyse"), &analyseFn{Graph: o.Graph}, docs)
	merged := beam.Combine(s.Scope("Merge"), &mergeFn{}, partials)
	failures := beam.Flatten(s, readFailures, analyseFailures)
	tally := beam.Combine(s.Scope("Tally"), sumTallies, beam.Flatten(s, append(tallies, analyseTally)...))
	// The write step runs once even when nothing was analysed (a global
	// Combine of nothing emits nothing), so that failures and totals are
	// still reported.
	beam.ParDo0(s.Scope("Write"), &writeFn{Options: o}, beam.Impulse(s), beam.SideInput{Input: merged},
		beam.SideInput{Input: failures}, beam.SideInput{Input: tally})
}

// readFn reads one shard with package input, so that document ids,
// records and errors are the CLI's.
type readFn struct {
	Input        input.Options
	Since, Until time.Time
}

func (f *readFn) ProcessElement(ctx context.Context, sh Shard, emit func(Doc), fail func(Failure), tally func(Tally)) {
	in := input.Input{Path: sh.Path}
	if sh.Err != "" {
		in.Err = &input.Error{Path: sh.Path, Err: errors.New(sh.Err)}
	}
	if sh.Path == input.StdinPath {
		in.Err = &input.Error{Path: sh.Path, Err: errors.New("standard input cannot be read by a distributed run; give files")}
	}
	docs := input.Documents(in, strings.NewReader(""), f.Input)
	if in.Err == nil && remote(sh.Path) {
		docs = func(yield func(input.Document, error) bool) { remoteDocuments(ctx, sh.Path, f.Input, yield) }
	}
	var t Tally
	window := entigraph.Config{Since: f.Since, Until: f.Until}
	for d, err := range docs {
		if err == nil && !window.InWindow(d.Date) {
			t.OutsideWindow++
			t.Read++
			continue
		}
		if err != nil {
			t.Failed++
			if d.Encoding != "" {
				t.Decoded++
			}
			fail(failureOf(sh.Index, t.Read, d.ID, err))
		} else {
			emit(docOf(sh.Index, t.Read, d))
		}
		t.Read++
	}
	tally(t)
}

// hashFn keys a document by its words.
type hashFn struct{}

func (hashFn) ProcessElement(_ context.Context, d Doc, emit func(uint64, Doc)) {
	emit(entigraph.ContentHash(d.Text), d)
}

// firstFn keeps, of the copies of one article, the first in input order,
// as the CLI does.
type firstFn struct{}

func (firstFn) ProcessElement(_ context.Context, _ uint64, copies func(*Doc) bool, emit func(Doc), tally func(Tally)) {
	var first, d Doc
	n := 0
	for copies(&d) {
		if n == 0 || d.before(first) {
			first = d
		}
		n++
	}
	if n > 1 {
		tally(Tally{Duplicates: n - 1})
	}
	emit(first)
}

// analyseFn analyses documents over the library and adds them to one
// partial graph per bundle, emitted serialized when the bundle ends.
type analyseFn struct {
	Graph GraphOptions

	pipe  *nlp.Pipeline
	opts  graph.Options
	part  *graph.Partial
	tally Tally
}

func (f *analyseFn) Setup() error {
	opts, err := f.Graph.options()
	if err != nil {
		return err
	}
	f.opts, f.pipe = opts, &nlp.Pipeline{}
	if !f.Graph.NoRelations {
		m, err := rel.Default()
		if err != nil {
			return err
		}
		f.pipe.Relations = m
	}
	return nil
}

func (f *analyseFn) StartBundle(_ context.Context, _ func([]byte), _ func(Failure), _ func(Tally)) {
	f.part, f.tally = graph.NewPartial(f.opts), Tally{}
}

func (f *analyseFn) ProcessElement(_ context.Context, d Doc, _ func([]byte), fail func(Failure), _ func(Tally)) error {
	in, err := d.document()
	if err != nil {
		return err
	}
	if in.Encoding != "" {
		f.tally.Decoded++
	}
	doc, pd, err := entigraph.Analyse(f.pipe, f.part, in)
	if err != nil {
		f.tally.Failed++
		fail(failureOf(d.Input, d.Record, d.ID, err))
		return nil
	}
	if d.Truncated {
		// The CLI's warning: the document is still analysed.
		f.tally.Failed++
		fail(failureOf(d.Input, d.Record, d.ID, &input.Error{Path: d.Path, Line: d.Line,
			Err: fmt.Errorf("truncated to its first %d bytes (raise --max-doc-bytes to read more)", len(d.Text))}))
	}
	f.part.AddPrepared(pd)
	f.tally.add(Tally{Analysed: 1, Sentences: len(doc.Sentences), Tokens: len(doc.Tokens),
		Mentions: len(doc.Mentions), Relations: len(doc.Relations)})
	return nil
}

func (f *analyseFn) FinishBundle(_ context.Context, emit func([]byte), _ func(Failure), tally func(Tally)) error {
	if f.part.Docs() == 0 {
		tally(f.tally)
		return nil
	}
	b, err := json.Marshal(f.part)
	if err != nil {
		return fmt.Errorf("partial graph: %w", err)
	}
	f.tally.Partials++
	tally(f.tally)
	emit(b)
	f.part = nil
	return nil
}

// mergeFn merges serialized partial graphs. graph.Partial.Merge is
// associative and commutative, so any grouping a runner chooses gives the
// same graph.
type mergeFn struct{}

func (mergeFn) CreateAccumulator() *graph.Partial { return graph.NewPartial(graph.Options{}) }

func (mergeFn) AddInput(acc *graph.Partial, b []byte) (*graph.Partial, error) {
	p, err := decodePartial(b)
	if err != nil {
		return nil, err
	}
	return mergePartials(acc, p)
}

func (mergeFn) MergeAccumulators(a, b *graph.Partial) (*graph.Partial, error) {
	return mergePartials(a, b)
}

func (mergeFn) ExtractOutput(acc *graph.Partial) ([]byte, error) { return json.Marshal(acc) }

// mergePartials merges b into a. An empty accumulator takes b's options
// (scope and evidence limit), since CreateAccumulator cannot know them.
func mergePartials(a, b *graph.Partial) (*graph.Partial, error) {
	if a.Docs() == 0 {
		a, b = b, a
	}
	if b.Docs() == 0 {
		return a, nil
	}
	if err := a.Merge(b); err != nil {
		return nil, err
	}
	return a, nil
}

// writeFn takes the graph from the merged partial, applies the view and
// writes the output and the failures, and publishes the run's totals.
type writeFn struct {
	Options Options
}

func (f *writeFn) ProcessElement(ctx context.Context, _ []byte, merged func(*[]byte) bool, failures func(*Failure) bool, tallies func(*Tally) bool) error {
	var total, t Tally
	for tallies(&t) {
		total.add(t)
	}
	if err := writeFailures(ctx, f.Options.Errors, failures); err != nil {
		return err
	}
	written := 0
	var b []byte
	for merged(&b) {
		n, err := f.write(ctx, b)
		if err != nil {
			return err
		}
		written += n
	}
	publish(ctx, total, written)
	return nil
}

// write writes the graph of the merged partial b, and returns 1, or 0
// when there is nothing to write.
func (f *writeFn) write(ctx context.Context, b []byte) (int, error) {
	opts, err := f.Options.Graph.options()
	if err != nil {
		return 0, err
	}
	merged := graph.NewPartial(opts)
	if err := json.Unmarshal(b, merged); err != nil {
		return 0, err
	}
	if merged.Docs() == 0 {
		return 0, nil // as the CLI: nothing analysed, nothing written
	}
	// A partial made with the full options (types, minimum mentions),
	// which the serialized form does not carry.
	part := graph.NewPartial(opts)
	if err := part.Merge(merged); err != nil {
		return 0, err
	}
	g, err := f.Options.View.Apply(part.Graph())
	if err != nil {
		return 0, fmt.Errorf("view: %w", err)
	}
	if err := writeGraph(ctx, g, f.Options.Format, f.Options.Output); err != nil {
		return 0, err
	}
	return 1, nil
}
