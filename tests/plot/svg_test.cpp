// The SVG writer: tick choice (round steps covering the range), escaping, fixed number
// formatting, coordinate maps, and a document whose elements are closed and whose text is escaped.
#include <collapse/plot/svg.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace collapse::plot;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

void expect_ticks(const Ticks& t, const std::vector<double>& expected, int decimals) {
    ASSERT_EQ(t.values.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(t.values[i], expected[i], 1e-12) << i;
    EXPECT_EQ(t.decimals, decimals);
}

TEST(SvgTicks, UnitIntervalInFifths) { expect_ticks(nice_ticks(0, 1, 5), {0, 0.2, 0.4, 0.6, 0.8, 1.0}, 1); }

TEST(SvgTicks, StepsAreOneTwoOrFiveTimesAPowerOfTen) {
    // (37 - 0) / 6 = 6.2: the nearest round step is 5; the last tick covers 37.
    expect_ticks(nice_ticks(0, 37, 6), {0, 5, 10, 15, 20, 25, 30, 35, 40}, 0);
    // 12.59 / 5 = 2.5: step 2, up to 14.
    expect_ticks(nice_ticks(0, 12.59, 5), {0, 2, 4, 6, 8, 10, 12, 14}, 0);
    // 0.007 / 7 = 0.001: three decimals, negative ticks included.
    expect_ticks(nice_ticks(-0.003, 0.004, 7), {-0.003, -0.002, -0.001, 0, 0.001, 0.002, 0.003, 0.004}, 3);
}

TEST(SvgTicks, CoverTheRangeAndAnEmptyRange) {
    for (const auto& [lo, hi] : std::vector<std::pair<double, double>>{{0.3, 7.7}, {-12, 3}, {1e-5, 3e-5}, {0, 4.39}}) {
        const Ticks t = nice_ticks(lo, hi);
        ASSERT_GE(t.values.size(), 2u);
        EXPECT_LE(t.values.front(), lo);
        EXPECT_GE(t.values.back(), hi);
    }
    const Ticks empty = nice_ticks(2, 2);  // drawn as [2, 3]
    EXPECT_LE(empty.values.front(), 2);
    EXPECT_GE(empty.values.back(), 3);
}

TEST(SvgText, EscapesTheFiveXmlSpecialCharacters) {
    EXPECT_EQ(escape_xml("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    EXPECT_EQ(escape_xml("λ = 1/10, π(c)"), "λ = 1/10, π(c)");
}

TEST(SvgText, FixedDecimalsWithoutNegativeZero) {
    EXPECT_EQ(format_fixed(-3.14159, 2), "-3.14");
    EXPECT_EQ(format_fixed(2.5, 1), "2.5");
    EXPECT_EQ(format_fixed(-0.001, 2), "0.00");
    EXPECT_EQ(format_fixed(7, 0), "7");
    EXPECT_THROW(format_fixed(std::nan(""), 2), std::logic_error);
}

TEST(SvgMaps, AxesMapTheCornersOfTheDataRange) {
    const Axes axes({100, 50}, 400, 200, -1, 3, 0, 10);
    EXPECT_DOUBLE_EQ(axes.at(-1, 0).x, 100);
    EXPECT_DOUBLE_EQ(axes.at(-1, 0).y, 250);  // y grows downwards in SVG
    EXPECT_DOUBLE_EQ(axes.at(3, 10).x, 500);
    EXPECT_DOUBLE_EQ(axes.at(3, 10).y, 50);
    EXPECT_DOUBLE_EQ(axes.at(1, 5).x, 300);
}

TEST(SvgMaps, TriangleVerticesAndCentroid) {
    const Triangle t({0, 0}, 300);
    const Point top = t.at(1, 0, 0), left = t.at(0, 1, 0), right = t.at(0, 0, 1);
    EXPECT_DOUBLE_EQ(top.x, 150);
    EXPECT_DOUBLE_EQ(left.x, 0);
    EXPECT_DOUBLE_EQ(right.x, 300);
    EXPECT_DOUBLE_EQ(left.y, right.y);
    EXPECT_NEAR(left.y - top.y, 300 * std::sqrt(3.0) / 2, 1e-9);  // equilateral
    const Point centre = t.at(1.0 / 3, 1.0 / 3, 1.0 / 3);
    EXPECT_NEAR(centre.x, 150, 1e-9);
    EXPECT_NEAR(centre.y, (top.y + left.y + right.y) / 3, 1e-9);
}

TEST(SvgColours, SequentialScaleEndsAtViridisStopsAndClamps) {
    EXPECT_EQ(sequential_colour(0), "#440154");
    EXPECT_EQ(sequential_colour(1), "#fde725");
    EXPECT_EQ(sequential_colour(-3), "#440154");
    EXPECT_EQ(sequential_colour(7), "#fde725");
    EXPECT_NE(categorical_colour(0), categorical_colour(1));
    EXPECT_EQ(categorical_colour(0), categorical_colour(8));
}

SvgDocument sample_document() {
    SvgDocument doc(300, 200);
    doc.heading("K = 2 <model> & \"fit\"", "exact");
    doc.line({0, 0}, {10, 10}, "black");
    doc.polyline({{0, 0}, {1.005, -0.0001}}, "red");
    doc.circle({5, 5}, 2, "blue", "P = 3/4 < 1");
    doc.rect({1, 1}, 2, 2, "green");
    doc.polygon({{0, 0}, {1, 0}, {0, 1}}, "none", "black", "a & b");
    doc.legend({10, 10}, {{"red", "T2 <line>"}});
    return doc;
}

TEST(SvgDocument, WellFormedEscapedAndDeterministic) {
    const std::string svg = sample_document().str();
    EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
    EXPECT_NE(svg.find("K = 2 &lt;model&gt; &amp; &quot;fit&quot;"), std::string::npos);
    EXPECT_NE(svg.find("<title>P = 3/4 &lt; 1</title>"), std::string::npos);
    EXPECT_NE(svg.find("<title>a &amp; b</title>"), std::string::npos);
    EXPECT_EQ(svg.find("<model>"), std::string::npos);
    EXPECT_EQ(svg.find("-0.00"), std::string::npos);
    // Every element is closed: paired tags match, the rest are self-closing.
    EXPECT_EQ(count(svg, "<text"), count(svg, "</text>"));
    EXPECT_EQ(count(svg, "<title>"), count(svg, "</title>"));
    EXPECT_EQ(count(svg, "<circle"), count(svg, "</circle>"));
    EXPECT_EQ(count(svg, "<polygon"), count(svg, "</polygon>"));
    EXPECT_EQ(count(svg, "<"), 2 * (count(svg, "</")) + count(svg, "/>") + 1)  // +1: the XML declaration
        << svg;
    EXPECT_EQ(svg, sample_document().str());
}

}  // namespace
