package rel

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

//go:embed model/rel.model.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loaded once per
// process and shared.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded relation model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}
