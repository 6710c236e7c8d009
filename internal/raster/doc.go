// Package raster draws Graphviz xdot drawing operations into a bitmap.
//
// Graphviz can emit a laid-out graph as xdot: DOT whose _draw_, _ldraw_,
// _hdraw_, _tdraw_, _hldraw_ and _tldraw_ attributes hold the operations
// that draw each object (polygons, polylines, B-splines, ellipses, text,
// pen and fill colours, fonts and styles; see
// https://graphviz.org/docs/outputs/canon/#xdot). [Parse] reads one such
// attribute into [Op] values, returning an error, never panicking, on
// malformed input; a [Canvas] rasterizes them in pure Go (fogleman/gg,
// with the Go fonts), flipping Graphviz's bottom-left origin to the
// image's top-left.
package raster
