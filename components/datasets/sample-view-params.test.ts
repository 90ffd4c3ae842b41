import { describe, expect, it } from "vitest";
import { isFiltered, parseSampleView, sampleViewQuery } from "./sample-view-params";

describe("sample view in the URL", () => {
  it("reads every filter, the sort and the layout", () => {
    const view = parseSampleView(
      new URLSearchParams("source=s1&source=s2&tag=hard&image=yes&kind=math&kind=choice&traceMin=10&traceMax=900&q=%20circle%20&status=excluded&sort=-traceLength&layout=grid"),
    );
    expect(view).toEqual({
      filter: {
        sourceIds: ["s1", "s2"],
        tags: ["hard"],
        hasImage: true,
        answerKinds: ["math", "choice"],
        traceLengthMin: 10,
        traceLengthMax: 900,
        search: "circle",
        status: "excluded",
      },
      sort: "-traceLength",
      layout: "grid",
    });
  });

  it("round-trips a view through its query string", () => {
    const query = "source=s1&tag=a&tag=b&image=no&kind=text&traceMin=0&q=two+words&status=included&sort=-id&layout=grid";
    expect(sampleViewQuery(parseSampleView(new URLSearchParams(query)))).toBe(query);
  });

  it("ignores malformed values and leaves defaults out of the query", () => {
    const view = parseSampleView(new URLSearchParams("kind=bogus&traceMin=-3&traceMax=ten&image=maybe&status=nope&sort=random&layout=table&q=%20"));
    expect(view).toEqual({ filter: { status: "all" }, sort: "id", layout: "list" });
    expect(sampleViewQuery(view)).toBe("");
    expect(isFiltered(view.filter)).toBe(false);
    expect(isFiltered({ status: "included" })).toBe(true);
  });
});
