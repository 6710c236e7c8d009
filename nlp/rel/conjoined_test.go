package rel_test

import "testing"

// TestConjunctsAreNotRelated checks that names joined by "and" or "or"
// are named together, not related, while the same names in a relation's
// construction still are.
func TestConjunctsAreNotRelated(t *testing.T) {
	checkRelations(t, []relCase{
		{"an organization and a country", "Lopez and Brandt discussed trade with Canada and the European Union.", nil},
		{"a bank and a country", "Talks between the Bank of England and Japan ended on Friday.", nil},
		{"the same names in a construction", "The Ottawa-based Canadian Wheat Board sells grain.",
			[]string{"based_in Canadian Wheat Board → Ottawa"}},
	})
}
