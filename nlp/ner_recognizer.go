package nlp

// DefaultRecognizer returns the recognizer Pipeline uses when none is set.
// Until the project's own model lands it is prose's.
func DefaultRecognizer() (Recognizer, error) { return NewProseRecognizer() }
