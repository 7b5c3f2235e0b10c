/// Broken plans and configurations that make the parser and the configuration reader say most of
/// what they can say; `CatalogueTests` holds every message to a Chinese translation.
enum BrokenPlans {
    static let header = "---\nname: Acme\nindustry: tobacco\nstage: integration\nmanager: li-you\nreviewed: 2027-06-01\n"

    static let corpus: [[String: String]] = [
        // Front matter: unknown, missing, mistyped fields.
        ["accounts/acme.md": "---\nname: Acme\nindustri: tobacco\nstage: integration\nmanager: Li You\nhealth: greenish\n"
            + "reviewed: 2027-13-01\nrevenue_target: CNY -5\nsince: soon\nid: other\nkind: industry\nteam: {a: b}\n---\n"],
        ["accounts/acme.md": "---\nname: [a, b]\nmanager: li-you\nrevenue_target: 1,00,0\nsegments: [Big Ones]\n---\n"],
        ["accounts/acme.md": "---\nname: Acme\nrevenue_target: EURO 5\n---\n", "accounts/Bad Name.md": "---\nname: x\n---\n"],
        ["accounts/acme.md": "no front matter here\n", "accounts/b.md": "---\nname: B\n", "accounts/c.md": "---\nname: [\n---\n"],
        ["accounts/acme.md": "---\nname: A\nname: B\n---\n", "accounts/d.md": "---\n- a\n- b\n---\n",
         "accounts/e.md": "---\nname: &x A\nowner: *x\n---\n", "accounts/f.md": "---\nname: !tag A\n---\n"],
        ["industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\ntargets: {revenue: 5M, stages: {integration: lots}, extra: 1}\n---\n",
         "industries/energy.md": "---\nname: Energy\nowner: li-you\ntargets: 5\n---\n"],
        // Body: sections, tables, lists.
        ["accounts/acme.md": header + "---\n## Stakeholders\n\n| Name | Title |\n| --- | --- |\n| Zhou | CIO |\n\n"
            + "## Opportunities\n\n| ID | Name | Stage | Amount | Probability | Close |\n| --- | --- | --- | --- | --- | --- |\n"
            + "| opp-a | ERP | propose | 1M | 150% | 2027-02-30 |\n| opp-a | ERP 2 | propose | lots | 50 | 2027-09-01 |\n"
            + "| Opp B | | propose | 1M | | 2027-09-01 |\n\n"
            + "## Installed base\n\n| Product | Since | Status |\n| --- | --- | --- |\n| ERP | long ago | runnin |\n| ERP | 2019 | live |\n\n"
            + "## Actions\n\n- call them\n- [ ] 2027-07-01 @li-you\n- [ ] 2027-07-01 @li-you Call\n- [ ] 2027-07-01 @li-you Call\n\n"
            + "## Moments of truth\n\n- @li-you lost the demo\n- 2027-01-01 demo\n- 2027-01-01 demo\n\n## Actions\n\n- [ ] x\n"],
        ["accounts/acme.md": header + "---\n## Stakeholders\n\n| Name | Role | Relationship | Reports to |\n| --- | --- | --- | --- |\n"
            + "| Zhou | boss | great | Qian |\n| Qian | sponsor | strong | Zhou |\n| Qian | user | weak | Nobody |\n"],
        // Merge conflicts.
        ["accounts/acme.md": header + "---\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> theirs\n",
         "accounts/b.md": header + "---\n=======\n>>>>>>> theirs\n", "accounts/c.md": header + "---\n<<<<<<< HEAD\na\n"],
        // Encoding.
        ["accounts/acme.md": "---\nname: A\u{0}\n---\n"],
        // acctplan.yml.
        ["accounts/acme.md": header + "---\n", "acctplan.yml": """
            version: 2
            currency: euro
            fx: {USD: -1, usd: 7}
            fiscal_year_start: April
            review_interval_days: 0
            lifecycle: [a]
            opportunity_stages:
              - {id: Won, probability: 100}
              - {id: qualify, probability: 200}
              - {id: qualify, probability: 10}
              - {id: lost, probability: 0, closed: maybe}
            people: {Li You: {name: Li}}
            fields: {region: {type: place}, owner2: 5}
            rules: {no-sponsr: off, merge-conflict: off, stale-review: loud}
            views: {Bad View: "x", closing: [1]}
            health_score: {weights: {coverage: 120, pipline: 10, pipeline: 50}, bands: {green: 30, amber: 60, blue: 1}, extra: 1}
            language: fr
            colour: blue
            """],
        ["accounts/acme.md": header + "---\n", "acctplan.yml": "fx: 5\npeople: 5\nfields: 5\nrules: 5\nviews: 5\nhealth_score: 5\nlifecycle: []\n"],
        ["accounts/acme.md": header + "---\n", "acctplan.yml": "health_score: {weights: 5, bands: 5}\n"],
        ["accounts/acme.md": header + "---\n", "acctplan.yml": "health_score: {weights: {coverage: 10}}\n"],
        ["accounts/acme.md": header + "---\n", "acctplan.yml": "lifecycle: [{label: x}]\n"],
    ]
}
