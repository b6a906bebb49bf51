import HotlistCore
import Testing

@Suite struct AgencyLookupsTests {
    @Test func everyLookupIsPercentEncodedAndTheKnownPortalIsUsedAsItIs() {
        let links = AgencyLookups.links(name: "Coeur d'Alene PD & Co+", stateCode: "ID", city: "Coeur d'Alene", flockPortalURL: nil)
        #expect(links.map(\.label) == ["MuckRock", "Atlas of Surveillance", "Flock portal (search)", "Records portal or email (web search)"])
        #expect(links[0].url == "https://www.muckrock.com/agency/?q=Coeur%20d%27Alene%20PD%20%26%20Co%2B")
        #expect(links[1].url == "https://atlasofsurveillance.org/search?location=Coeur%20d%27Alene%2C%20ID&technologies=automated-license-plate-readers")
        #expect(links[2].url == "https://duckduckgo.com/?q=site%3Atransparency.flocksafety.com%20Coeur%20d%27Alene%20PD%20%26%20Co%2B%20ID")
        #expect(links[3].url == "https://duckduckgo.com/?q=Coeur%20d%27Alene%20PD%20%26%20Co%2B%20ID%20public%20records%20request")
        let known = AgencyLookups.links(name: "Reno PD", stateCode: nil, city: nil, flockPortalURL: "https://transparency.flocksafety.com/reno-nv-pd")
        #expect(known[2].label == "Flock portal" && known[2].url == "https://transparency.flocksafety.com/reno-nv-pd")
        #expect(known[1].url.contains("location=Reno%20PD&"))
        // Not a web address: searched for instead of linked.
        #expect(AgencyLookups.links(name: "X", stateCode: "NV", city: nil, flockPortalURL: "javascript:alert(1)")[2].label == "Flock portal (search)")
    }
}
