package newswire

// StateAbbreviations are the abbreviations of U.S. state names that wire
// style writes after a city ("SAN FRANCISCO, Calif."), each with its
// state. Abbreviations that are also common words or names ("Miss.",
// "La.", "Ind.", "Del.", "Mo.", "Me.", "Pa.", "Ida.") are left out, and so
// is "Wash.", which would join the state to the capital's node.
func StateAbbreviations() [][2]string {
	return [][2]string{
		{"Ala.", "Alabama"}, {"Ariz.", "Arizona"}, {"Ark.", "Arkansas"}, {"Calif.", "California"},
		{"Colo.", "Colorado"}, {"Conn.", "Connecticut"}, {"Fla.", "Florida"}, {"Ga.", "Georgia"},
		{"Ill.", "Illinois"}, {"Kan.", "Kansas"}, {"Ky.", "Kentucky"}, {"Md.", "Maryland"},
		{"Mass.", "Massachusetts"}, {"Mich.", "Michigan"}, {"Minn.", "Minnesota"}, {"Mont.", "Montana"},
		{"Neb.", "Nebraska"}, {"Nev.", "Nevada"}, {"N.H.", "New Hampshire"}, {"N.J.", "New Jersey"},
		{"N.M.", "New Mexico"}, {"N.C.", "North Carolina"}, {"N.D.", "North Dakota"}, {"Okla.", "Oklahoma"},
		{"Ore.", "Oregon"}, {"R.I.", "Rhode Island"}, {"S.C.", "South Carolina"}, {"S.D.", "South Dakota"},
		{"Tenn.", "Tennessee"}, {"Tex.", "Texas"}, {"Va.", "Virginia"}, {"Vt.", "Vermont"},
		{"W.Va.", "West Virginia"}, {"Wis.", "Wisconsin"}, {"Wyo.", "Wyoming"},
	}
}
