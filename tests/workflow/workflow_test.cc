// The CI workflow does what the officials' guide promises: on a pull request, `congkhai check`
// runs (with annotations on the changed lines) before the site is built or tested; the site is
// deployed only from a push to main, after every check passed.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>

namespace {

YAML::Node workflow() { return YAML::LoadFile(CONGKHAI_WORKFLOW); }

// The index of the first step of `job` whose `run` contains `text`, or -1.
int step_running(const YAML::Node& job, const std::string& text) {
  const YAML::Node steps = job["steps"];
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i]["run"] && steps[i]["run"].as<std::string>().find(text) != std::string::npos)
      return static_cast<int>(i);
  return -1;
}

int step_using(const YAML::Node& job, const std::string& action) {
  const YAML::Node steps = job["steps"];
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i]["uses"] && steps[i]["uses"].as<std::string>().rfind(action, 0) == 0) return static_cast<int>(i);
  return -1;
}

bool only_on_push_to_main(const YAML::Node& node) {
  if (!node["if"]) return false;
  std::string condition = node["if"].as<std::string>();
  return condition.find("github.event_name == 'push'") != std::string::npos &&
         condition.find("github.ref == 'refs/heads/main'") != std::string::npos &&
         condition.find("||") == std::string::npos;
}

TEST(Workflow, RunsOnPullRequestsAndOnPushesToMain) {
  YAML::Node on = workflow()["on"];
  ASSERT_TRUE(on);
  EXPECT_TRUE(on["pull_request"]);
  ASSERT_TRUE(on["push"]);
  ASSERT_EQ(on["push"]["branches"].size(), 1u);
  EXPECT_EQ(on["push"]["branches"][0].as<std::string>(), "main");
}

TEST(Workflow, ChecksTheContentBeforeTesting) {
  YAML::Node jobs = workflow()["jobs"];
  ASSERT_TRUE(jobs["test"]);
  YAML::Node job = jobs["test"];
  EXPECT_FALSE(job["if"]) << "the checks run on every event, pull requests included";
  int compile = step_running(job, "scripts/setup compile");
  int check = step_running(job, "build/congkhai check");
  int test = step_running(job, "scripts/setup test");
  ASSERT_GE(compile, 0);
  ASSERT_GE(check, 0);
  ASSERT_GE(test, 0);
  EXPECT_LT(compile, check);
  EXPECT_LT(check, test);
  EXPECT_FALSE(job["steps"][check]["if"]) << "the check is never skipped";
  EXPECT_FALSE(job["steps"][check]["continue-on-error"]) << "a failed check stops the job";
  EXPECT_NE(job["steps"][check]["run"].as<std::string>().find("--format github"), std::string::npos);
  int package = step_running(job, "scripts/package");
  ASSERT_GE(package, 0);
  EXPECT_LT(test, package) << "only a tested generator is packaged";
}

// The deployed sample portal is built as a portal repository builds: with the Debian package
// just made, installed, and no compiler.
TEST(Workflow, TheSamplePortalIsBuiltWithThePackage) {
  YAML::Node job = workflow()["jobs"]["sample-portal"];
  ASSERT_TRUE(job);
  EXPECT_TRUE(only_on_push_to_main(job));
  ASSERT_TRUE(job["needs"]);
  EXPECT_EQ(job["needs"].as<std::string>(), "test");
  int install = step_running(job, "./dist/congkhai_");
  int build = step_running(job, "congkhai build");
  ASSERT_GE(install, 0);
  ASSERT_GE(build, 0);
  EXPECT_LT(install, build);
  EXPECT_EQ(step_running(job, "scripts/setup"), -1);
  EXPECT_EQ(step_running(job, "cmake"), -1);
  EXPECT_EQ(step_running(job, "build/congkhai"), -1) << "the installed binary, not a compiled one";
}

TEST(Workflow, DeploysOnlyFromMainAfterTheChecks) {
  YAML::Node jobs = workflow()["jobs"];
  int jobs_deploying = 0;
  for (const auto& entry : jobs) {
    const YAML::Node job = entry.second;
    if (step_using(job, "actions/deploy-pages") >= 0) {
      ++jobs_deploying;
      EXPECT_TRUE(only_on_push_to_main(job)) << entry.first.as<std::string>();
      ASSERT_TRUE(job["needs"]);
      EXPECT_EQ(job["needs"].as<std::string>(), "sample-portal");
      ASSERT_TRUE(job["concurrency"]) << "two deployments must never run at once";
      EXPECT_EQ(job["concurrency"]["group"].as<std::string>(), "pages");
      EXPECT_FALSE(job["concurrency"]["cancel-in-progress"].as<bool>(true))
          << "a deployment is not cancelled halfway";
    }
    int upload = step_using(job, "actions/upload-pages-artifact");
    if (upload >= 0) {
      EXPECT_TRUE(only_on_push_to_main(job["steps"][upload]) || only_on_push_to_main(job));
    }
  }
  EXPECT_EQ(jobs_deploying, 1);
}

}  // namespace
