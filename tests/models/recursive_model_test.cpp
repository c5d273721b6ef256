#include <collapse/core/error.hpp>
#include <collapse/models/recursive_model.hpp>

#include <gtest/gtest.h>

using namespace collapse;

TEST(ParseFit, ReadsEveryFitExactly) {
    EXPECT_EQ(parse_fit("mle").kind, Fit::Kind::mle);
    const Fit s = parse_fit("smooth:0.5");
    EXPECT_EQ(s.kind, Fit::Kind::smooth);
    EXPECT_EQ(s.alpha, Rational(1, 2));
    EXPECT_EQ(parse_fit("temper:3/2").beta, Rational(3, 2));
    EXPECT_EQ(parse_fit("topk:2").k, 2u);
    EXPECT_EQ(parse_fit("smooth:1/3").to_string(), "smooth:1/3");
}

TEST(ParseFit, RefusesUnknownOrOutOfRange) {
    for (const char* bad : {"", "MLE", "mle:1", "smooth", "smooth:", "smooth:-1", "temper:0", "temper:-2", "topk:0",
                            "topk:1.5", "foo:1", "smooth:x"})
        EXPECT_THROW(parse_fit(bad), InvalidInput) << bad;
}

TEST(Validated, FillsUniformExternalDistribution) {
    RecursiveModel m;
    m.symbols = 3;
    m.samples = 4;
    const RecursiveModel v = validated(m);
    ASSERT_EQ(v.external.size(), 3u);
    for (const Rational& q : v.external) EXPECT_EQ(q, Rational(1, 3));
}

TEST(Validated, RefusesEachBadParameter) {
    auto refused = [](auto change) {
        RecursiveModel m;
        m.symbols = 3;
        m.samples = 4;
        change(m);
        EXPECT_THROW(validated(m), InvalidInput);
    };
    refused([](RecursiveModel& m) { m.symbols = 1; });
    refused([](RecursiveModel& m) { m.samples = 0; });
    refused([](RecursiveModel& m) { m.fit = parse_fit("topk:4"); });
    refused([](RecursiveModel& m) { m.fresh.kind = FreshData::Kind::fraction; m.fresh.fraction = Rational(3, 2); });
    refused([](RecursiveModel& m) { m.fresh.kind = FreshData::Kind::fraction; m.fresh.fraction = Rational(-1, 2); });
    refused([](RecursiveModel& m) { m.fresh.kind = FreshData::Kind::count; m.fresh.count = 5; });
    refused([](RecursiveModel& m) { m.external = {Rational(1, 2), Rational(1, 2)}; });
    refused([](RecursiveModel& m) { m.external = {Rational(1, 2), Rational(1, 2), Rational(1, 100)}; });
    refused([](RecursiveModel& m) { m.external = {Rational(3, 2), Rational(-1, 2), Rational(0)}; });
}

TEST(FreshData, AbsentMeansNoFreshSample) {
    FreshData f;
    EXPECT_TRUE(f.absent());
    f.kind = FreshData::Kind::fraction;
    EXPECT_TRUE(f.absent());  // lambda = 0
    f.fraction = Rational(1, 10);
    EXPECT_FALSE(f.absent());
    f = FreshData{FreshData::Kind::count, 0, 0};
    EXPECT_TRUE(f.absent());
}
