import Fokus
import Foundation

// Load a rule set (one YAML file or a folder of them) and a data folder.
let rules = try RuleSetLoader.load(from: URL(fileURLWithPath: "rules"))
let data = try DatasetLoader.load(from: URL(fileURLWithPath: "Samples/kungsor"))

// Rank, select and plan for the rules' scope and the latest period with crime data.
let evaluation = try Engine(rules: rules).evaluate(data)

for area in evaluation.ranking {
    let mark = area.selected ? "*" : " "
    print("\(mark) \(area.rank). \(area.name): \(area.score)")
}
print("Measure plan:", evaluation.plan.measureIDs.joined(separator: ", "))

// Every figure behind a score is in the evaluation, e.g. the crime trend of the top area.
if let top = evaluation.ranking.first, let trend = top.trend {
    print("\(top.id): \(trend.latest) against a baseline of \(trend.baseline), z = \(trend.z)")
}
