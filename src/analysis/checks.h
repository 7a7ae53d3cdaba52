// Stagemap — blueprint checks: places in a blueprint a service designer should look at again.
#pragma once

#include <vector>

#include "analysis/finding.h"
#include "model/document.h"

namespace sm::analysis {

// [SECTION] Checks
// A wait point longer than this, in a step rated negative, is a "long-wait" finding.
inline constexpr double kLongWaitMinutes = 10.0;

// Findings, in this order: "no-customer-lane" first, then step by step (in blueprint order) the
// step's own findings and then its cards' findings (in card order):
//   "no-customer-lane"             (no place) there are steps but no customer lane: the customer's
//                                  actions are the backbone of a blueprint;
//   "no-customer-action"           (step) no card of the step is in a customer lane (only checked
//                                  when there is a customer lane);
//   "negative-without-opportunity" (step) the step is rated below 0 and its `opportunity` is blank;
//   "fail-without-backstage"       (step, card) a fail point, and no other card of its step is in a
//                                  backstage or support lane: nobody behind the line detects or
//                                  recovers the failure;
//   "long-wait"                    (step, card) a wait point over kLongWaitMinutes in a step rated
//                                  below 0.
std::vector<Finding> check_blueprint(const Document& doc);

}  // namespace sm::analysis
