-- The assertion engine, with luassert's semantics: `assert.is_not.equals`,
-- `assert.are_not_same`, `assert.has_no.errors`… are read as words split on
-- `_` and `.` (any case); the words are modifiers (`is`, `not`, `spy(s)`…)
-- or one assertion, the longest registered name winning. A failed assertion
-- keeps its details for the runner (message, expected, actual, the spec
-- line) and raises a marked error; an unknown word is an error.
local _, _, lib, dump, where = ...
-- String functions taken once, never through a string's methods: a mod
-- replacing `string.find` (the strings' shared methods) cannot change them.
local lower, gmatch = string.lower, string.gmatch

local FAILURE_MARKER = "mtedu-assertion-failed"
lib.marker = FAILURE_MARKER

-- Registered names by namespace: assertion, modifier, matcher.
local namespace = { assertion = {}, modifier = {}, matcher = {} }
lib.namespace = namespace

local unpack = unpack or table.unpack

function lib.pack(...)
	return { n = select("#", ...), ... }
end

function lib.unpack(list)
	return unpack(list, 1, list.n or #list)
end

--- mtedu's own words in a report: the catalogue key `test-said-<key>`
--- and its arguments ($a, $b…: values as shown, numbers, more words),
--- which the runner puts in the reader's language.
function lib.said(key, ...)
	return { said = key, n = select("#", ...), ... }
end

-- The runner's own errors (an unknown mineunit module, a require mtedu
-- does not offer…): raised as their English text, which is what a spec's
-- pcall gets; the report says `test-said-<key>` in the reader's language.
local runner_words = {}
function lib.runner_error(level, text, key, ...)
	runner_words[text] = lib.said(key, ...)
	error(text, level > 0 and level + 1 or 0)
end

--- The words of a runner error whose message holds `message`'s text.
function lib.runner_words(message)
	if runner_words[message] then
		return runner_words[message]
	end
	for text, words in pairs(runner_words) do
		if message:find(text, 1, true) then
			return words
		end
	end
end

-- A text as a player reads it (core.strip_escapes): `ESC(…)` and `ESC` +
-- one character removed (translation marks, colours).
local ESC = "\27"
local function strip_escapes(text)
	local out, i = {}, 1
	while i <= #text do
		local c = text:sub(i, i)
		if c ~= ESC then
			out[#out + 1] = c
			i = i + 1
		elseif text:sub(i + 1, i + 1) == "(" then
			local close = text:find(")", i + 2, true)
			i = close and close + 1 or #text + 1
		else
			i = i + 2
		end
	end
	return table.concat(out)
end

--- A value as a spec writer reads it: strings quoted (without escape
--- sequences, as a player reads them: the report then says so), tables dumped.
function lib.show(value)
	if type(value) == "string" then
		if value:find(ESC, 1, true) then
			lib.escapes_hidden = true
			value = strip_escapes(value)
		end
		return string.format("%q", value)
	end
	for _, formatter in ipairs(lib.formatters) do
		local text = formatter(value)
		if text ~= nil then
			return tostring(text)
		end
	end
	local ok, text = pcall(dump, value)
	return ok and text or tostring(value)
end
lib.formatters = {}

--- The first line of a spec or mod file on the stack (mtedu's own Lua is
--- not a file): where the assertion was written.
function lib.location()
	for level = 2, 60 do
		local place = where(level)
		if place then
			return place
		end
	end
end

--- Ends the test as failed (not errored): an assertion that did not hold,
--- or an assertion used with arguments it cannot judge, as luassert does.
function lib.fail(message, expected, actual)
	lib.last_failure = {
		message = message, expected = expected, actual = actual, where = lib.location(),
		escapes_hidden = lib.escapes_hidden == true,
	}
	error(FAILURE_MARKER, 0)
end

-- luassert's `say`: message texts by key, formatted with the arguments.
local say_texts = {}
lib.say = setmetatable({
	set = function(_, key, text)
		say_texts[key] = text
	end,
	set_namespace = function() end,
}, {
	__call = function(_, key, vars)
		local text = say_texts[key]
		if text == nil then
			return nil
		end
		local ok, message = pcall(string.format, text, unpack(vars or {}, 1, (vars or {}).n or #(vars or {})))
		return ok and message or text
	end,
})

--- Deep comparison as luassert's `same`: contents, keys both ways, cycles
--- followed; nested tables sharing an `__eq` metatable compare with it.
function lib.deep_equal(a, b, ignore_mt, seen)
	if type(a) ~= "table" or type(b) ~= "table" then
		return a == b
	end
	local mt_a, mt_b = getmetatable(a), getmetatable(b)
	if mt_a and mt_a == mt_b and type(mt_a) == "table" and mt_a.__eq then
		if not ignore_mt then
			return a == b
		end
	elseif rawequal(a, b) then
		return true
	end
	seen = seen or {}
	seen[a] = seen[a] or {}
	if seen[a][b] then
		return true
	end
	seen[a][b] = true
	for key, value in next, a do
		local other = b[key]
		if other == nil or not lib.deep_equal(value, other, nil, seen) then
			return false
		end
	end
	for key in next, b do
		if a[key] == nil then
			return false
		end
	end
	return true
end

function lib.callable(value)
	if type(value) == "function" then
		return true
	end
	local mt = getmetatable(value)
	return type(mt) == "table" and type(mt.__call) == "function"
end

function lib.has_tostring(value)
	if type(value) == "string" then
		return true
	end
	local mt = getmetatable(value)
	return type(mt) == "table" and type(mt.__tostring) == "function"
end

--- The words of an accessed name: `is_not.Equal` → is, not, equal.
local function add_tokens(tokens, key)
	for token in gmatch(lower(tostring(key)), "[^_]+") do
		tokens[#tokens + 1] = token
	end
end

--- Groups words into registered keys, from the last word, each key the
--- longest registered name of `space` ending there (`has_error` before
--- `error`): luassert's reading. A word left over is an error.
local function extract_keys(space, tokens)
	local keys = {}
	local key
	local i = #tokens
	while i > 0 do
		key = key and (tokens[i] .. "_" .. key) or tokens[i]
		local longer = i > 1 and (tokens[i - 1] .. "_" .. key) or nil
		while i > 1 and longer and namespace[space][longer] do
			key = longer
			i = i - 1
			longer = i > 1 and (tokens[i - 1] .. "_" .. key) or nil
		end
		if namespace.modifier[key] or namespace[space][key] then
			table.insert(keys, 1, key)
			key = nil
		end
		i = i - 1
	end
	if key then
		error("luassert: unknown modifier/" .. space .. ": '" .. key .. "'", 0)
	end
	return keys
end
lib.extract_keys = extract_keys

local function failure_text(assertion, state, arguments)
	local negated = not rawget(state, "mod")
	local own = rawget(state, "failure_message")
	local custom = rawget(state, "_message")
	local text = custom
	if text == nil then
		local key = negated and assertion.negative_message or assertion.positive_message
		if key then
			local shown = { n = arguments.n }
			for i = 1, arguments.n or #arguments do
				shown[i] = (arguments.nofmt and arguments.nofmt[i]) and tostring(arguments[i]) or lib.show(arguments[i])
			end
			text = lib.say(key, shown)
		end
		if text == nil and assertion.texts then
			text = assertion.texts[negated and 2 or 1]
		end
	end
	if own ~= nil then
		-- The spec's own words say it best; expected and actual follow.
		return lib.has_tostring(own) and tostring(own) or lib.show(own)
	end
	return text or lib.said("assertion-failed")
end

local state_meta = {}
state_meta.__index = function(self, key)
	add_tokens(rawget(self, "tokens"), key)
	return self
end
state_meta.__call = function(self, ...)
	local keys = extract_keys("assertion", rawget(self, "tokens"))
	local assertion
	for _, key in ipairs(keys) do
		assertion = namespace.assertion[key] or assertion
	end
	local arguments = lib.pack(...)
	if not assertion then
		-- Only modifiers: they take these arguments (`assert.spy(s)`), and
		-- the chain goes on.
		rawset(self, "tokens", {})
		for _, key in ipairs(keys) do
			if namespace.modifier[key] then
				namespace.modifier[key].callback(self, arguments)
			end
		end
		return self
	end
	for _, key in ipairs(keys) do
		if namespace.modifier[key] then
			namespace.modifier[key].callback(self)
		end
	end
	lib.escapes_hidden = false
	local holds, returned = assertion.callback(self, arguments, 2)
	if (not holds) == rawget(self, "mod") then
		lib.fail(failure_text(assertion, self, arguments), rawget(self, "_expected"), rawget(self, "_actual"))
	end
	if returned then
		return lib.unpack(returned)
	end
	return ...
end

local function new_state()
	return setmetatable({ mod = true, tokens = {} }, state_meta)
end

--- Arguments an assertion cannot judge (too few, wrong type) fail the
--- test, as luassert's own checks do under busted.
function lib.require_argument(ok, message)
	if not ok then
		lib.fail(message)
	end
end

--- What the report shows under "expected" and "actual".
function lib.report(state, expected, actual)
	rawset(state, "_expected", expected)
	rawset(state, "_actual", actual)
end

local parameters = { TableFormatLevel = 3, TableFormatShowRecursion = false, TableErrorHighlightCharacter = "*" }

local assert_object = {
	state = new_state,
	register = function(_, space, name, callback, positive_message, negative_message)
		namespace[space] = namespace[space] or {}
		namespace[space][lower(name)] = {
			callback = callback,
			name = lower(name),
			positive_message = positive_message,
			negative_message = negative_message,
		}
	end,
	unregister = function(_, space, name)
		namespace[space] = namespace[space] or {}
		namespace[space][lower(name)] = nil
	end,
	add_formatter = function(_, formatter)
		table.insert(lib.formatters, 1, formatter)
	end,
	remove_formatter = function(_, formatter)
		for i = #lib.formatters, 1, -1 do
			if lib.formatters[i] == formatter then
				table.remove(lib.formatters, i)
			end
		end
	end,
	format = function(_, arguments)
		for i = 1, arguments.n or #arguments do
			if not (arguments.nofmt and arguments.nofmt[i]) then
				arguments[i] = lib.show(arguments[i])
			end
		end
		return arguments
	end,
	set_parameter = function(_, name, value)
		parameters[name] = value
	end,
	get_parameter = function(_, name)
		return parameters[name]
	end,
	add_spy = function(_, spy)
		lib.track_spy(spy)
	end,
	snapshot = function()
		local mark = lib.spy_mark()
		return {
			revert = function()
				lib.revert_spies(mark)
			end,
		}
	end,
}

lib.assert = setmetatable(assert_object, {
	__index = function(self, key)
		local raw = rawget(self, key)
		if raw ~= nil then
			return raw
		end
		return new_state()[key]
	end,
	__call = function(_, value, message, ...)
		if not value then
			lib.escapes_hidden = false
			lib.fail(message ~= nil and tostring(message) or lib.said("assertion-failed"), lib.said("a-true-value"),
				lib.show(value))
		end
		return value, message, ...
	end,
})

-- Spies made during a test (or a block) are put back after it, as busted
-- does with luassert's snapshots.
local tracked = {}
function lib.track_spy(spy)
	tracked[#tracked + 1] = spy
end
function lib.spy_mark()
	return #tracked
end
function lib.revert_spies(mark)
	for i = #tracked, mark + 1, -1 do
		local spy = tracked[i]
		tracked[i] = nil
		if type(spy) == "table" and type(rawget(spy, "revert")) == "function" then
			spy:revert()
		end
	end
end

return lib
