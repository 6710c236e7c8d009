// Package render draws DOT graphs as SVG or PNG in-process: Graphviz runs
// compiled to WebAssembly (go-graphviz), so no system Graphviz is needed.
//
// PNG is not go-graphviz's own PNG output, which draws no lines: the graph
// is laid out to xdot and its drawing operations are rasterised in Go
// (internal/raster), at 192 dpi on white with the Go fonts.
package render
