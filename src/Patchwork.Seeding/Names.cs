namespace Patchwork.Seeding;

/// <summary>
/// Given names by generation and family names, grouped so that a household's names go together.
/// A few carry diacritics, apostrophes and hyphens, as real registers do. "Okafor" is kept out: it belongs
/// to the walk-through family alone, so searching for it finds only them.
/// </summary>
internal sealed record NamePool(
    double Weight,
    IReadOnlyList<string> FamilyNames,
    IReadOnlyList<string> Children,
    IReadOnlyList<string> Adults,
    IReadOnlyList<string> Elders);

internal static class Names
{
    public static IReadOnlyList<NamePool> Pools { get; } =
    [
        new(60,
            ["Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
             "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
             "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Turner", "Hill", "Scott", "Cooper",
             "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Patterson", "Marsh",
             "Fletcher", "Barker", "Pearson", "Dawson", "Holmes", "Gibson", "Fraser", "MacDonald", "Campbell", "Stewart",
             "Llewellyn", "Pritchard", "D'Souza", "Smith-Jones", "Hart-Davies", "Lloyd-Evans", "Ashworth", "Bright", "Cartwright"],
            ["Oliver", "Amelia", "Noah", "Isla", "Leo", "Freya", "Harry", "Lily", "Jack", "Mia", "George", "Ivy",
             "Arthur", "Sophia", "Oscar", "Zoë", "Theo", "Grace", "Alfie", "Poppy", "Archie", "Evie", "Jacob", "Esmé",
             "Finley", "Ruby", "Charlie", "Daisy", "Logan", "Willow", "Reggie", "Chloë", "Tyler", "Ellie-May", "Rhys",
             "Megan", "Callum", "Cerys"],
            ["Sarah", "Laura", "Emma", "Gemma", "Kelly", "Hannah", "Rebecca", "Jade", "Danielle", "Stacey", "Natalie",
             "Amy", "Michael", "Daniel", "Christopher", "James", "Lee", "Craig", "Ryan", "Jamie", "Mark", "Darren",
             "Stuart", "Gareth", "Siân", "Rhiannon", "Renée", "Carly", "Kirsty", "Dean", "Wayne", "Liam", "Ashley"],
            ["Margaret", "Susan", "Patricia", "Linda", "Christine", "Jean", "Pauline", "Brenda", "Maureen", "Janet",
             "Doreen", "Sheila", "David", "John", "Peter", "Robert", "Alan", "Keith", "Brian", "Terry", "Barry",
             "Graham", "Derek", "Malcolm", "Gwyneth", "Dilys"]),
        new(6,
            ["O'Brien", "O'Neill", "Murphy", "Kelly", "McCarthy", "Doyle", "Byrne", "Ryan", "O'Sullivan", "Walsh",
             "Nolan", "Quinn"],
            ["Seán", "Niamh", "Aoife", "Ciarán", "Róisín", "Oisín", "Cillian", "Saoirse", "Conor", "Orla"],
            ["Siobhán", "Declan", "Aisling", "Padraig", "Bríd", "Eoin", "Caoimhe", "Kieran", "Maeve", "Fergal"],
            ["Máire", "Bridget", "Patrick", "Eileen", "Michael", "Kathleen", "Seamus", "Noreen"]),
        new(6,
            ["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek", "Wróbel"],
            ["Zofia", "Jakub", "Lena", "Kacper", "Maja", "Antoni", "Julia", "Szymon", "Hanna", "Filip"],
            ["Agnieszka", "Tomasz", "Katarzyna", "Łukasz", "Piotr", "Magdalena", "Marek", "Joanna", "Paweł", "Ewa"],
            ["Krystyna", "Stanisław", "Halina", "Zbigniew", "Danuta", "Józef"]),
        new(8,
            ["Khan", "Ali", "Hussain", "Begum", "Ahmed", "Chaudhry", "Iqbal", "Rahman", "Mahmood", "Akhtar", "Bibi"],
            ["Aisha", "Muhammad", "Zara", "Ayaan", "Maryam", "Yusuf", "Inaya", "Ibrahim", "Hafsa", "Rayan", "Amira", "Zayn"],
            ["Mohammed", "Fatima", "Imran", "Nadia", "Asif", "Shazia", "Tariq", "Rubina", "Farah", "Sadia"],
            ["Abdul", "Rashida", "Bashir", "Gulzar", "Parveen", "Nasreen"]),
        new(6,
            ["Patel", "Shah", "Mistry", "Sharma", "Singh", "Sandhu", "Gill", "Parmar", "Chauhan"],
            ["Arjun", "Anaya", "Riya", "Dev", "Aarav", "Diya", "Ishaan", "Saanvi", "Rohan", "Kiran"],
            ["Priya", "Sunita", "Rajesh", "Sanjay", "Harpreet", "Gurpreet", "Deepak", "Meena", "Vikram", "Nisha"],
            ["Mohinder", "Kamala", "Jaswinder", "Ramesh", "Savitri", "Balwinder"]),
        new(10,
            ["Adeyemi", "Mensah", "Boateng", "Okoro", "Asante", "Grant", "Francis", "Bailey", "Reid", "Ogunleye",
             "Owusu", "Nwosu", "Campbell-Brown", "Osei"],
            ["Kofi", "Amara", "Tobi", "Esi", "Femi", "Kemi", "Jayden", "Nia", "Malachi", "Zion", "Adaeze", "Kwame"],
            ["Chioma", "Tunde", "Abena", "Kwabena", "Jerome", "Marcia", "Shanice", "Tyrone", "Yetunde", "Emeka",
             "Folake", "Delroy"],
            ["Winston", "Gloria", "Hyacinth", "Clement", "Comfort", "Ebenezer", "Pearl", "Cyril"]),
    ];

    /// <summary>Pool weights, in pool order, for <see cref="SeedRandom.PickWeighted"/>.</summary>
    public static IReadOnlyList<double> PoolWeights { get; } = [.. Pools.Select(p => p.Weight)];

    /// <summary>Every pool's family names together.</summary>
    public static IReadOnlyList<string> AllFamilyNames { get; } = [.. Pools.SelectMany(p => p.FamilyNames).Distinct()];

    /// <summary>The local part of a work email: "Siân O'Neill" → "sian.oneill".</summary>
    public static string EmailLocalPart(string givenName, string familyName) =>
        $"{Fold(givenName)}.{Fold(familyName)}";

    /// <summary>A name as a domain label: "Harbour Primary School (2)" → "harbour-primary-school-2".</summary>
    public static string Slug(string name)
    {
        var words = name.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => Fold(word, keepDigits: true))
            .Where(word => word.Length > 0);
        return string.Join('-', words);
    }

    private static string Fold(string name, bool keepDigits = false)
    {
        var folded = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            var plain = Plain(c);
            if (char.IsAsciiLetterLower(plain) || plain == '-' || (keepDigits && char.IsAsciiDigit(plain)))
            {
                folded.Append(plain);
            }
        }
        return folded.ToString();
    }

    private static char Plain(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ą' => 'a',
        'é' or 'è' or 'ê' or 'ë' or 'ę' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ł' or 'Ł' => 'l',
        'ś' or 'Ś' => 's',
        'ć' or 'Ć' => 'c',
        'ń' => 'n',
        'ż' or 'ź' or 'Ż' => 'z',
        _ => char.ToLowerInvariant(c),
    };
}
