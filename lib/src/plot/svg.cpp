#include <collapse/plot/svg.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace collapse::plot {

std::string escape_xml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) throw std::logic_error("format_fixed: a non-finite coordinate");
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string s = buffer;
    // "-0.00": a tiny negative that rounds to zero; the same picture must be the same bytes.
    if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    return s;
}

Ticks nice_ticks(double lo, double hi, int target) {
    if (!(hi > lo)) hi = lo + 1;
    if (target < 2) target = 2;
    const double raw = (hi - lo) / target;
    const int exponent = static_cast<int>(std::floor(std::log10(raw)));
    const double magnitude = std::pow(10.0, exponent);
    const double residual = raw / magnitude;
    const double multiple = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
    const double step = multiple * magnitude;
    // k * multiple / 10^p rather than k * (multiple * 10^-p): one rounding, so 3e-5 is 3e-5.
    const double scale = exponent < 0 ? std::pow(10.0, -exponent) : 1.0;
    const double unit = exponent < 0 ? multiple : step;
    auto tick = [&](long long k) { return static_cast<double>(k) * unit / scale; };
    Ticks ticks;
    ticks.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    // Integer multiples of the step, so ticks never drift by repeated addition.
    const long long first = static_cast<long long>(std::floor(lo / step + 1e-9));
    const long long last = static_cast<long long>(std::ceil(hi / step - 1e-9));
    for (long long k = first; k <= last; ++k) ticks.values.push_back(tick(k));
    return ticks;
}

namespace {

constexpr int decimals = 2;  // of every coordinate: a hundredth of a pixel
std::string num(double v) { return format_fixed(v, decimals); }

std::string points_attribute(const std::vector<Point>& points) {
    std::string s;
    for (const Point& p : points) {
        if (!s.empty()) s += ' ';
        s += num(p.x) + ',' + num(p.y);
    }
    return s;
}

std::string tooltip_element(const std::string& tooltip) {
    return tooltip.empty() ? std::string() : "<title>" + escape_xml(tooltip) + "</title>";
}

// An element with an optional <title> child.
std::string element(const std::string& open, const std::string& name, const std::string& tooltip) {
    if (tooltip.empty()) return open + "/>\n";
    return open + ">" + tooltip_element(tooltip) + "</" + name + ">\n";
}

}  // namespace

SvgDocument::SvgDocument(double width, double height) : width_(width), height_(height) {
    body_ += "<rect x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" fill=\"white\"/>\n";
}

void SvgDocument::heading(const std::string& title, const std::string& subtitle) {
    text({width_ / 2, 24}, title, Anchor::middle, 15, "font-weight=\"bold\"");
    text({width_ / 2, 44}, subtitle, Anchor::middle, 12, "fill=\"#555555\"");
}

void SvgDocument::text(Point at, std::string_view content, Anchor anchor, double size,
                       std::string_view extra_attributes) {
    const char* a = anchor == Anchor::start ? "start" : anchor == Anchor::middle ? "middle" : "end";
    body_ += "<text x=\"";
    body_ += num(at.x) + "\" y=\"" + num(at.y) + "\" font-size=\"" + num(size) + "\" text-anchor=\"" + a + "\"";
    if (!extra_attributes.empty()) {
        body_ += ' ';
        body_ += extra_attributes;
    }
    body_ += '>';
    body_ += escape_xml(content);
    body_ += "</text>\n";
}

void SvgDocument::line(Point a, Point b, std::string_view stroke, double width, std::string_view dash) {
    body_ += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" + num(b.y) +
             "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + num(width) + "\"";
    if (!dash.empty()) body_ += " stroke-dasharray=\"" + std::string(dash) + "\"";
    body_ += "/>\n";
}

void SvgDocument::polyline(const std::vector<Point>& points, std::string_view stroke, double width, double opacity,
                           std::string_view dash) {
    body_ += "<polyline points=\"" + points_attribute(points) + "\" fill=\"none\" stroke=\"" + std::string(stroke) +
             "\" stroke-width=\"" + num(width) + "\" stroke-opacity=\"" + num(opacity) +
             "\" stroke-linejoin=\"round\"";
    if (!dash.empty()) body_ += " stroke-dasharray=\"" + std::string(dash) + "\"";
    body_ += "/>\n";
}

void SvgDocument::polygon(const std::vector<Point>& points, std::string_view fill, std::string_view stroke,
                          const std::string& tooltip) {
    body_ += element("<polygon points=\"" + points_attribute(points) + "\" fill=\"" + std::string(fill) +
                         "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"0.5\"",
                     "polygon", tooltip);
}

void SvgDocument::rect(Point top_left, double w, double h, std::string_view fill, std::string_view stroke,
                       const std::string& tooltip) {
    body_ += element("<rect x=\"" + num(top_left.x) + "\" y=\"" + num(top_left.y) + "\" width=\"" + num(w) +
                         "\" height=\"" + num(h) + "\" fill=\"" + std::string(fill) + "\" stroke=\"" +
                         std::string(stroke) + "\"",
                     "rect", tooltip);
}

void SvgDocument::circle(Point centre, double r, std::string_view fill, const std::string& tooltip) {
    body_ += element("<circle cx=\"" + num(centre.x) + "\" cy=\"" + num(centre.y) + "\" r=\"" + num(r) +
                         "\" fill=\"" + std::string(fill) + "\"",
                     "circle", tooltip);
}

void SvgDocument::legend(Point top_left, const std::vector<std::pair<std::string, std::string>>& colour_and_label) {
    for (std::size_t i = 0; i < colour_and_label.size(); ++i) {
        const double y = top_left.y + 18.0 * static_cast<double>(i);
        rect({top_left.x, y}, 12, 12, colour_and_label[i].first);
        text({top_left.x + 18, y + 10.5}, colour_and_label[i].second, Anchor::start, 12);
    }
}

std::string SvgDocument::str() const {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width_) + "\" height=\"" + num(height_) +
           "\" viewBox=\"0 0 " + num(width_) + " " + num(height_) +
           "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n" + body_ + "</svg>\n";
}

Axes::Axes(Point top_left, double width, double height, double x_lo, double x_hi, double y_lo, double y_hi)
    : top_left_(top_left), width_(width), height_(height), x_lo_(x_lo), x_hi_(x_hi > x_lo ? x_hi : x_lo + 1),
      y_lo_(y_lo), y_hi_(y_hi > y_lo ? y_hi : y_lo + 1) {}

Point Axes::at(double x, double y) const {
    return {top_left_.x + (x - x_lo_) / (x_hi_ - x_lo_) * width_,
            top_left_.y + height_ - (y - y_lo_) / (y_hi_ - y_lo_) * height_};
}

void Axes::draw(SvgDocument& doc, const std::string& x_label, const std::string& y_label, const Ticks& x_ticks,
                const Ticks& y_ticks) const {
    const double left = top_left_.x, top = top_left_.y, right = left + width_, bottom = top + height_;
    for (const double x : x_ticks.values) {
        if (x < x_lo_ - 1e-12 || x > x_hi_ + 1e-12) continue;
        const double px = at(x, y_lo_).x;
        doc.line({px, top}, {px, bottom}, "#e6e6e6");
        doc.line({px, bottom}, {px, bottom + 5}, "#333333");
        doc.text({px, bottom + 18}, format_fixed(x, x_ticks.decimals), Anchor::middle, 11);
    }
    for (const double y : y_ticks.values) {
        if (y < y_lo_ - 1e-12 || y > y_hi_ + 1e-12) continue;
        const double py = at(x_lo_, y).y;
        doc.line({left, py}, {right, py}, "#e6e6e6");
        doc.line({left - 5, py}, {left, py}, "#333333");
        doc.text({left - 8, py + 4}, format_fixed(y, y_ticks.decimals), Anchor::end, 11);
    }
    doc.polygon({{left, top}, {right, top}, {right, bottom}, {left, bottom}}, "none", "#333333");
    doc.text({left + width_ / 2, bottom + 38}, x_label, Anchor::middle, 12);
    const Point y_at{left - 48, top + height_ / 2};
    doc.text(y_at, y_label, Anchor::middle, 12,
             "transform=\"rotate(-90 " + num(y_at.x) + " " + num(y_at.y) + ")\"");
}

std::string categorical_colour(std::size_t index) {
    static constexpr std::array<const char*, 8> colours = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                                           "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
    return colours[index % colours.size()];
}

std::string sequential_colour(double t) {
    static constexpr std::array<std::array<double, 3>, 5> stops = {
        {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    const double position = t * static_cast<double>(stops.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(position), stops.size() - 2);
    const double f = position - static_cast<double>(i);
    char buffer[8];
    int rgb[3];
    for (int c = 0; c < 3; ++c)
        rgb[c] = static_cast<int>(std::lround(stops[i][static_cast<std::size_t>(c)] * (1 - f) +
                                              stops[i + 1][static_cast<std::size_t>(c)] * f));
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    return buffer;
}

Triangle::Triangle(Point top_left, double side) : side_(side) {
    const double height = side * std::sqrt(3.0) / 2;
    const double top = top_left.y + (side - height) / 2;
    v0_ = {top_left.x + side / 2, top};
    v1_ = {top_left.x, top + height};
    v2_ = {top_left.x + side, top + height};
}

Point Triangle::at(double p0, double p1, double p2) const {
    return {p0 * v0_.x + p1 * v1_.x + p2 * v2_.x, p0 * v0_.y + p1 * v1_.y + p2 * v2_.y};
}

void Triangle::draw(SvgDocument& doc, const std::vector<std::string>& vertex_labels, bool grid, double gap) const {
    for (const double f : {0.25, 0.5, 0.75}) {
        if (!grid) break;
        doc.line(at(f, 1 - f, 0), at(f, 0, 1 - f), "#e6e6e6");
        doc.line(at(1 - f, f, 0), at(0, f, 1 - f), "#e6e6e6");
        doc.line(at(1 - f, 0, f), at(0, 1 - f, f), "#e6e6e6");
    }
    doc.polygon({v0_, v1_, v2_}, "none", "#333333");
    if (vertex_labels.size() == 3) {
        doc.text({v0_.x, v0_.y - gap}, vertex_labels[0], Anchor::middle, 11);
        doc.text({v1_.x, v1_.y + gap + 8}, vertex_labels[1], Anchor::middle, 11);
        doc.text({v2_.x, v2_.y + gap + 8}, vertex_labels[2], Anchor::middle, 11);
    }
}

}  // namespace collapse::plot
