// Package beam runs entigraph's build on Apache Beam: the same graph as
// `entigraph build`, byte for byte, with the documents analysed on a
// runner's workers (prism and direct locally; Flink, Spark and Google
// Cloud Dataflow through their runners).
//
// The pipeline reads each expanded input (a text, JSON Lines or CSV
// shard) with package input, keys documents by entigraph.ContentHash and
// keeps the first copy in input order, analyses each document with
// entigraph.Analyse into one graph.Partial per bundle, merges the
// serialized partials in a CombineFn (the merge is associative and
// commutative, so any grouping gives the same sums), and in one last step
// takes the graph, applies the view and writes it.
//
// The module is apart from the root module so that Beam's dependencies
// never enter the entigraph command or its go.mod.
package beam
