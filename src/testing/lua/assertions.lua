-- luassert's modifiers and assertions, registered in the assertion engine
-- (assert_core.lua): what each accepts and when it holds follow luassert
-- 1.9, the version busted 2 uses; the texts are mtedu's own.
local _, _, lib = ...
-- String functions taken once, never through a string's methods: a mod
-- replacing `string.find` (the strings' shared methods) cannot change them.
local find, match, gsub = string.find, string.match, string.gsub
local assert = lib.assert
local show, report, need, said = lib.show, lib.report, lib.require_argument, lib.said

local function negated(state)
	return not rawget(state, "mod")
end

--- Registers a built-in assertion with the words shown when it fails
--- (`positive` when it should have held, `negative` when negated): keys
--- of `test-said-…`.
local function assertion(names, callback, positive, negative)
	for _, name in ipairs(names) do
		assert:register("assertion", name, callback)
		lib.namespace.assertion[name].texts = {
			type(positive) == "table" and positive or said(positive),
			type(negative) == "table" and negative or said(negative),
		}
	end
end

local function keep_message(state, message)
	if message ~= nil then
		rawset(state, "failure_message", message)
	end
end

-- Modifiers: words that only read well, words that negate, and the
-- message one (`assert.message("why").is_true(x)`).
for _, word in ipairs({ "is", "are", "was", "has", "does" }) do
	assert:register("modifier", word, function(state) return state end)
end
for _, word in ipairs({ "not", "no" }) do
	assert:register("modifier", word, function(state)
		rawset(state, "mod", not rawget(state, "mod"))
		return state
	end)
end
assert:register("modifier", "message", function(state, arguments)
	rawset(state, "failure_message", arguments and arguments[1])
end)

local function expectation(state, text)
	return negated(state) and said("not", text) or text
end

local function needs_values(name, count, arguments)
	need(arguments.n >= count, said("needs-values", name, count, arguments.n))
end

assertion({ "equals", "equal" }, function(state, arguments)
	needs_values("equals", 2, arguments)
	local expected, actual = arguments[1], arguments[2]
	keep_message(state, arguments[3])
	report(state, expectation(state, show(expected)), show(actual))
	return expected == actual
end, "differ", "equal")

assertion({ "same" }, function(state, arguments)
	needs_values("same", 2, arguments)
	local expected, actual = arguments[1], arguments[2]
	keep_message(state, arguments[3])
	report(state, expectation(state, show(expected)), show(actual))
	if type(expected) == "table" and type(actual) == "table" then
		return lib.deep_equal(expected, actual, true)
	end
	return expected == actual
end, "not-same", "same")

assertion({ "truthy" }, function(state, arguments)
	need(arguments.n > 0, said("needs-value", "truthy"))
	keep_message(state, arguments[2])
	report(state, said(negated(state) and "nil-or-false" or "not-nil-or-false"), show(arguments[1]))
	return arguments[1] ~= false and arguments[1] ~= nil
end, "want-truthy", "want-falsy")

assertion({ "falsy" }, function(state, arguments)
	need(arguments.n > 0, said("needs-value", "falsy"))
	keep_message(state, arguments[2])
	report(state, said(negated(state) and "not-nil-or-false" or "nil-or-false"), show(arguments[1]))
	return arguments[1] == false or arguments[1] == nil
end, "want-falsy", "want-truthy")

for _, wanted in ipairs({ true, false }) do
	assertion({ tostring(wanted) }, function(state, arguments)
		keep_message(state, arguments[2])
		report(state, expectation(state, tostring(wanted)), show(arguments[1]))
		return arguments[1] == wanted
	end, said("want-value", tostring(wanted)), said("want-not-value", tostring(wanted)))
end

-- Types: `is_number`, `is_not_nil`… (`assert.is_nil()` with no value at
-- all holds, as in luassert).
for _, kind in ipairs({ "boolean", "number", "string", "table", "nil", "userdata", "function", "thread" }) do
	assertion({ kind }, function(state, arguments)
		keep_message(state, arguments[2])
		report(state, expectation(state, said("a-type", kind)), said("typed", show(arguments[1]), type(arguments[1])))
		return type(arguments[1]) == kind
	end, said("want-type", kind), said("want-not-type", kind))
end

assertion({ "near" }, function(state, arguments)
	needs_values("near", 3, arguments)
	local expected, actual, tolerance = tonumber(arguments[1]), tonumber(arguments[2]), tonumber(arguments[3])
	need(expected, said("bad-value", "near", "expected", show(arguments[1])))
	need(actual, said("bad-value", "near", "actual", show(arguments[2])))
	need(tolerance, said("bad-value", "near", "tolerance", show(arguments[3])))
	keep_message(state, arguments[4])
	report(state, expectation(state, show(expected) .. " ± " .. tostring(tolerance)), show(actual))
	return actual >= expected - tolerance and actual <= expected + tolerance
end, "not-near", "too-near")

--- Picks the spec's message among matches' optional arguments (init and
--- plain are numbers and booleans; the first other value is the message).
local function split_message(arguments, from)
	for i = from, arguments.n do
		local value = arguments[i]
		if value and type(value) ~= "boolean" and not tonumber(value) then
			table.remove(arguments, i)
			arguments.n = arguments.n - 1
			return value
		end
	end
end

assertion({ "matches", "match" }, function(state, arguments)
	needs_values("matches", 2, arguments)
	local pattern, subject = arguments[1], arguments[2]
	local text
	if lib.has_tostring(subject) or type(subject) == "number" then
		text = tostring(subject)
	end
	keep_message(state, split_message(arguments, 3))
	local init, plain = arguments[3], arguments[4]
	need(type(pattern) == "string", said("bad-value", "matches", "pattern", type(pattern)))
	need(text, said("bad-value", "matches", "text", show(subject)))
	need(init == nil or tonumber(init), said("bad-value", "matches", "start", type(init)))
	report(state, expectation(state, said("text-matching", show(pattern))), show(text))
	if plain then
		local found = find(text, pattern, init, plain) ~= nil
		return found, found and { pattern } or {}
	end
	local captures = { match(text, pattern, init) }
	return captures[1] ~= nil, captures
end, "no-match", "match")

assertion({ "unique" }, function(state, arguments)
	local list, deep = arguments[1], nil
	if type(arguments[2]) == "boolean" or (arguments[2] == nil and arguments.n > 2) then
		deep = arguments[2]
		keep_message(state, arguments[3])
	else
		if type(arguments[3]) == "boolean" then
			deep = arguments[3]
		end
		keep_message(state, arguments[2])
	end
	report(state, expectation(state, said("no-value-twice")), show(list))
	for k, v in pairs(list) do
		for k2, v2 in pairs(list) do
			if k ~= k2 and ((deep and lib.deep_equal(v, v2, true)) or v == v2) then
				return false
			end
		end
	end
	return true
end, "twice", "all-unique")

--- The message of an error without its "file:line: " start, as luassert
--- compares it.
local function without_place(message)
	if type(message) == "string" then
		return (gsub(message, "^.-:%d+: ", "", 1))
	end
	return message
end

assertion({ "error", "errors" }, function(state, arguments)
	local fn, wanted = arguments[1], arguments[2]
	keep_message(state, arguments[3])
	need(lib.callable(fn), said("bad-value", "error", "function", type(fn)))
	local ok, raised = pcall(fn)
	raised = without_place(raised)
	local returned = { raised, n = 1 }
	local shown_wanted = wanted == nil and said("an-error") or show(wanted)
	report(state, expectation(state, shown_wanted), ok and said("no-error") or show(raised))
	if ok or wanted == nil then
		return not ok, returned
	end
	if type(wanted) == "string" then
		if lib.has_tostring(raised) then
			raised = tostring(raised)
			returned[1] = raised
		end
		if type(raised) == "string" then
			return wanted == raised, returned
		end
	elseif type(wanted) == "number" and type(raised) == "string" then
		return tostring(wanted) == tostring(tonumber(raised)), returned
	end
	if type(wanted) == "table" and type(raised) == "table" then
		return lib.deep_equal(wanted, raised, true), returned
	end
	return wanted == raised, returned
end, "want-error", "want-no-error")

assertion({ "error_matches", "error_match", "matches_error", "match_error" }, function(state, arguments)
	local fn, pattern = arguments[1], arguments[2]
	needs_values("error_matches", 2, arguments)
	need(lib.callable(fn), said("bad-value", "error_matches", "function", type(fn)))
	need(pattern == nil or type(pattern) == "string", said("bad-value", "error_matches", "pattern", type(pattern)))
	keep_message(state, split_message(arguments, 3))
	local init, plain = arguments[3], arguments[4]
	need(init == nil or tonumber(init), said("bad-value", "error_matches", "start", type(init)))
	local ok, raised = pcall(fn)
	raised = without_place(raised)
	report(state, expectation(state, said("error-matching", show(pattern))), ok and said("no-error") or show(raised))
	if ok then
		return false, { raised, n = 1 }
	end
	if raised == nil and pattern == nil then
		return true, {}
	end
	if lib.has_tostring(raised) or type(raised) == "number" or type(raised) == "boolean" then
		raised = tostring(raised)
	end
	if type(raised) ~= "string" then
		return false, { raised, n = 1 }
	end
	if plain then
		local found = find(raised, pattern, init, plain) ~= nil
		return found, found and { pattern } or { raised, n = 1 }
	end
	local captures = { match(raised, pattern, init) }
	if captures[1] ~= nil then
		return true, captures
	end
	return false, { raised, n = 1 }
end, "want-error-matching", "want-no-error-matching")

assertion({ "returned_arguments" }, function(state, arguments)
	local wanted, got = tostring(arguments[1]), tostring(arguments.n - 1)
	report(state, expectation(state, said("values-count", tonumber(wanted) or wanted)), said("values-count", arguments.n - 1))
	return wanted == got
end, "other-count", "same-count")

-- `assert.array(t).has.no.holes()`: the array is kept by the modifier.
assert:register("modifier", "array", function(state, arguments)
	need(arguments and arguments.n > 0, said("needs-value", "array"))
	rawset(state, "_array", arguments[1])
	return state
end)
assertion({ "holes" }, function(state, arguments)
	local list = rawget(state, "_array")
	need(list ~= nil, said("bad-value", "holes", "chain", "nil"))
	local length = arguments[1]
	if length == nil then
		length = 0
		for key in pairs(list) do
			if type(key) == "number" and key > length and math.floor(key) == key then
				length = key
			end
		end
	end
	need(type(length) == "number", said("bad-value", "holes", "length", type(length)))
	local missing
	for i = 1, length do
		if list[i] == nil then
			missing = i
			break
		end
	end
	report(state, said(negated(state) and "no-hole" or "a-hole"), missing and said("hole-at", missing) or said("no-hole"))
	return missing ~= nil, { missing, n = 1 }
end, "want-hole", "want-no-hole")
