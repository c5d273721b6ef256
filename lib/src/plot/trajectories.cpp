// Sample paths of the empirical distribution c/N, from the simulator (simulate_recursive).
#include "figure_support.hpp"
#include "simplex_cells.hpp"

#include <collapse/io/report.hpp>
#include <collapse/simulation/simulate.hpp>


namespace collapse::plot {
namespace {

// Each run's path, one empirical distribution per generation 0..T: a run stopped by
// absorption stays where it is.
std::vector<std::vector<std::vector<double>>> paths_of(const simulation::SimulationResult& result,
                                                       std::uint64_t samples, std::uint64_t generations) {
    std::vector<std::vector<std::vector<double>>> paths;
    for (const simulation::RunRecord& run : result.runs) {
        std::vector<std::vector<double>> path;
        for (const std::string& label : run.trajectory) path.push_back(detail::shares_of(label, static_cast<double>(samples)));
        while (path.size() < generations + 1) path.push_back(path.back());
        paths.push_back(std::move(path));
    }
    return paths;
}

}  // namespace

std::string trajectories_figure(const RecursiveModel& model, const std::string& start, std::uint64_t generations,
                                std::uint64_t runs, std::uint64_t seed, const ResourceLimits& limits) {
    if (model.symbols > 3)
        throw InvalidInput("plot trajectories: K = " + std::to_string(model.symbols) +
                           " symbols cannot be drawn on the simplex; accepted: K = 2 (a line) or K = 3 (a triangle)");
    if (generations == 0) throw InvalidInput("--generations: 0 generations asked; accepted: T >= 1");
    if (runs == 0 || runs > 50) throw InvalidInput("--runs: " + std::to_string(runs) +
                                                   " runs asked; accepted for a picture: 1 to 50");
    const std::vector<std::uint64_t> start_counts = simulation::parse_state(model, start, "--start");
    simulation::SimulationRequest request;
    request.generations = generations;
    request.runs = runs;
    request.seed = seed;
    request.trajectories = true;
    request.limits = limits;
    const simulation::ClosedClasses closed(model, simulation::default_max_graph_states);
    const simulation::SimulationResult result = simulation::simulate_recursive(model, closed, start_counts, request);
    const auto paths = paths_of(result, model.samples, generations);
    std::uint64_t collapsed = 0;
    for (const simulation::RunRecord& run : result.runs) collapsed += run.collapse_generation.has_value();

    // A run "collapses" only where closed classes are the Dirac states; under T4 the one
    // closed class is every state, and saying the runs reached it would mislead.
    std::string summary;
    if (closed.rule() == simulation::ClosedClassRule::dirac)
        summary = std::to_string(collapsed) + " of " + std::to_string(runs) +
                  " runs collapsed (in a Dirac state) by generation " + std::to_string(generations);
    else if (closed.rule() == simulation::ClosedClassRule::irreducible)
        summary = "no state is absorbing (T4): the runs never collapse, they wander in the stationary regime";
    else
        summary = std::to_string(collapsed) + " of " + std::to_string(runs) + " runs in a closed class by generation " +
                  std::to_string(generations);
    const std::string subtitle = "simulated: " + std::to_string(runs) + " runs, seed " + std::to_string(seed) +
                                 " (collapse simulate --trajectories with the same options gives the same runs)";
    if (model.symbols == 2) {
        SvgDocument doc(900, 480);
        doc.heading("Trajectories of c_0/N: " + describe(model), subtitle);
        const Axes axes({80, 70}, 780, 330, 0, static_cast<double>(generations), 0, 1);
        axes.draw(doc, "generation t", "frequency of symbol 0, c_0/N", nice_ticks(0, static_cast<double>(generations)),
                  nice_ticks(0, 1, 5));
        for (std::size_t r = 0; r < paths.size(); ++r) {
            std::vector<Point> points;
            for (std::size_t t = 0; t < paths[r].size(); ++t) points.push_back(axes.at(static_cast<double>(t), paths[r][t][0]));
            doc.polyline(points, categorical_colour(r), 1.5, 0.85);
        }
        doc.text({80, 460}, summary + "; start " + start + ", c_0/N = " + format_fixed(paths[0][0][0], 3), Anchor::start,
                 12);
        return doc.str();
    }
    SvgDocument doc(900, 640);
    doc.heading("Trajectories of c/N on the simplex: " + describe(model), subtitle);
    const Triangle triangle({200, 60}, 500);
    std::vector<std::string> corners;
    for (std::size_t i = 0; i < 3; ++i)
        corners.push_back(detail::dirac_label(3, model.samples, i) + " (all symbol " + std::to_string(i) + ")");
    triangle.draw(doc, corners);
    for (std::size_t r = 0; r < paths.size(); ++r) {
        std::vector<Point> points;
        for (const auto& p : paths[r]) points.push_back(triangle.at(p[0], p[1], p[2]));
        doc.polyline(points, categorical_colour(r), 1.5, 0.75);
        doc.circle(points.back(), 4, categorical_colour(r), std::string("run ") + std::to_string(r) + ": state " +
                                                               result.runs[r].final_state + " at generation " +
                                                               std::to_string(generations));
    }
    const auto& s = paths[0][0];
    doc.circle(triangle.at(s[0], s[1], s[2]), 5, "black", "start " + start);
    doc.text({40, 600}, "black dot: the start " + start + "; coloured dots: where each run is at generation " +
                            std::to_string(generations),
             Anchor::start, 12);
    doc.text({40, 620}, summary, Anchor::start, 12);
    return doc.str();
}

}  // namespace collapse::plot
