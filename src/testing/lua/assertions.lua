-- luassert's modifiers and assertions, registered in the assertion engine
-- (assert_core.lua): what each accepts and when it holds follow luassert
-- 1.9, the version busted 2 uses; the texts are mtedu's own.
local _, _, lib = ...
-- String functions taken once, never through a string's methods: a mod
-- replacing `string.find` (the strings' shared methods) cannot change them.
local find, match, gsub = string.find, string.match, string.gsub
local assert = lib.assert
local show, report, need = lib.show, lib.report, lib.require_argument

local function negated(state)
	return not rawget(state, "mod")
end

--- Registers a built-in assertion with the texts shown when it fails
--- (`positive` when it should have held, `negative` when negated).
local function assertion(names, callback, positive, negative)
	for _, name in ipairs(names) do
		assert:register("assertion", name, callback)
		lib.namespace.assertion[name].texts = { positive, negative }
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
	return negated(state) and ("not " .. text) or text
end

assertion({ "equals", "equal" }, function(state, arguments)
	need(arguments.n > 1, "equals needs 2 values (expected, actual), got " .. arguments.n)
	local expected, actual = arguments[1], arguments[2]
	keep_message(state, arguments[3])
	report(state, expectation(state, show(expected)), show(actual))
	return expected == actual
end, "values differ", "values are equal")

assertion({ "same" }, function(state, arguments)
	need(arguments.n > 1, "same needs 2 values (expected, actual), got " .. arguments.n)
	local expected, actual = arguments[1], arguments[2]
	keep_message(state, arguments[3])
	report(state, expectation(state, show(expected)), show(actual))
	if type(expected) == "table" and type(actual) == "table" then
		return lib.deep_equal(expected, actual, true)
	end
	return expected == actual
end, "values are not the same", "values are the same")

assertion({ "truthy" }, function(state, arguments)
	need(arguments.n > 0, "truthy needs a value")
	keep_message(state, arguments[2])
	report(state, negated(state) and "nil or false" or "not nil or false", show(arguments[1]))
	return arguments[1] ~= false and arguments[1] ~= nil
end, "expected a truthy value", "expected a falsy value")

assertion({ "falsy" }, function(state, arguments)
	need(arguments.n > 0, "falsy needs a value")
	keep_message(state, arguments[2])
	report(state, negated(state) and "not nil or false" or "nil or false", show(arguments[1]))
	return arguments[1] == false or arguments[1] == nil
end, "expected a falsy value", "expected a truthy value")

for _, wanted in ipairs({ true, false }) do
	assertion({ tostring(wanted) }, function(state, arguments)
		keep_message(state, arguments[2])
		report(state, expectation(state, tostring(wanted)), show(arguments[1]))
		return arguments[1] == wanted
	end, "expected " .. tostring(wanted), "expected anything but " .. tostring(wanted))
end

-- Types: `is_number`, `is_not_nil`… (`assert.is_nil()` with no value at
-- all holds, as in luassert).
for _, kind in ipairs({ "boolean", "number", "string", "table", "nil", "userdata", "function", "thread" }) do
	assertion({ kind }, function(state, arguments)
		keep_message(state, arguments[2])
		report(state, expectation(state, "a " .. kind), show(arguments[1]) .. " (" .. type(arguments[1]) .. ")")
		return type(arguments[1]) == kind
	end, "expected a " .. kind, "expected anything but a " .. kind)
end

assertion({ "near" }, function(state, arguments)
	need(arguments.n > 2, "near needs 3 values (expected, actual, tolerance), got " .. arguments.n)
	local expected, actual, tolerance = tonumber(arguments[1]), tonumber(arguments[2]), tonumber(arguments[3])
	need(expected, "near: the expected value is not a number: " .. show(arguments[1]))
	need(actual, "near: the actual value is not a number: " .. show(arguments[2]))
	need(tolerance, "near: the tolerance is not a number: " .. show(arguments[3]))
	keep_message(state, arguments[4])
	report(state, expectation(state, show(expected) .. " ± " .. tostring(tolerance)), show(actual))
	return actual >= expected - tolerance and actual <= expected + tolerance
end, "the number is not near enough", "the number is too near")

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
	need(arguments.n > 1, "matches needs 2 values (pattern, text), got " .. arguments.n)
	local pattern, subject = arguments[1], arguments[2]
	local text
	if lib.has_tostring(subject) or type(subject) == "number" then
		text = tostring(subject)
	end
	keep_message(state, split_message(arguments, 3))
	local init, plain = arguments[3], arguments[4]
	need(type(pattern) == "string", "matches: the pattern must be a string, got a " .. type(pattern))
	need(text, "matches: the text must be a string, got " .. show(subject))
	need(init == nil or tonumber(init), "matches: the start must be a number, got a " .. type(init))
	report(state, expectation(state, "a text matching " .. show(pattern)), show(text))
	if plain then
		local found = find(text, pattern, init, plain) ~= nil
		return found, found and { pattern } or {}
	end
	local captures = { match(text, pattern, init) }
	return captures[1] ~= nil, captures
end, "the text does not match", "the text matches")

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
	report(state, expectation(state, "no value twice"), show(list))
	for k, v in pairs(list) do
		for k2, v2 in pairs(list) do
			if k ~= k2 and ((deep and lib.deep_equal(v, v2, true)) or v == v2) then
				return false
			end
		end
	end
	return true
end, "a value appears twice", "every value is unique")

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
	need(lib.callable(fn), "error: the first value must be a function, got a " .. type(fn))
	local ok, raised = pcall(fn)
	raised = without_place(raised)
	local returned = { raised, n = 1 }
	local shown_wanted = wanted == nil and "an error" or show(wanted)
	report(state, expectation(state, shown_wanted), ok and "no error" or show(raised))
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
end, "expected an error", "expected no error")

assertion({ "error_matches", "error_match", "matches_error", "match_error" }, function(state, arguments)
	local fn, pattern = arguments[1], arguments[2]
	need(arguments.n > 1, "error_matches needs 2 values (function, pattern), got " .. arguments.n)
	need(lib.callable(fn), "error_matches: the first value must be a function, got a " .. type(fn))
	need(pattern == nil or type(pattern) == "string", "error_matches: the pattern must be a string, got a " .. type(pattern))
	keep_message(state, split_message(arguments, 3))
	local init, plain = arguments[3], arguments[4]
	need(init == nil or tonumber(init), "error_matches: the start must be a number, got a " .. type(init))
	local ok, raised = pcall(fn)
	raised = without_place(raised)
	report(state, expectation(state, "an error matching " .. show(pattern)), ok and "no error" or show(raised))
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
end, "expected an error matching the pattern", "expected no error matching the pattern")

assertion({ "returned_arguments" }, function(state, arguments)
	local wanted, got = tostring(arguments[1]), tostring(arguments.n - 1)
	report(state, expectation(state, wanted .. " values"), got .. " values")
	return wanted == got
end, "a different number of values", "the same number of values")

-- `assert.array(t).has.no.holes()`: the array is kept by the modifier.
assert:register("modifier", "array", function(state, arguments)
	need(arguments and arguments.n > 0, "array needs a table")
	rawset(state, "_array", arguments[1])
	return state
end)
assertion({ "holes" }, function(state, arguments)
	local list = rawget(state, "_array")
	need(list ~= nil, "holes must follow assert.array(t)")
	local length = arguments[1]
	if length == nil then
		length = 0
		for key in pairs(list) do
			if type(key) == "number" and key > length and math.floor(key) == key then
				length = key
			end
		end
	end
	need(type(length) == "number", "holes: the length must be a number")
	local missing
	for i = 1, length do
		if list[i] == nil then
			missing = i
			break
		end
	end
	report(state, negated(state) and "no hole" or "a hole", missing and ("a hole at " .. missing) or "no hole")
	return missing ~= nil, { missing, n = 1 }
end, "expected a hole in the array", "expected no hole in the array")
