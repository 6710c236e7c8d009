module github.com/entigraph/entigraph

go 1.26.8

require (
	github.com/dominikbraun/graph v0.23.0
	github.com/jdkato/prose/v2 v2.0.0
	github.com/spf13/pflag v1.0.10
	golang.org/x/sync v0.25.0
	gopkg.in/neurosnap/sentences.v1 v1.0.6
)

require (
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	gonum.org/v1/gonum v0.7.0 // indirect
)
