-- luassert's spies, stubs and mocks, and the assertions on them
-- (`assert.spy(s).was.called(2)`, `assert.stub(s).was_not.called_with(…)`).
-- A spy keeps a deep copy of each call's arguments and returned values.
local _, _, lib = ...
local assert = lib.assert
local match = lib.match

local spy_meta = {}

local function is_spy(value)
	return type(value) == "table" and getmetatable(value) == spy_meta
end

local function deep_copy(value, cache)
	if type(value) ~= "table" or is_spy(value) or match.is_matcher(value) then
		return value
	end
	cache = cache or {}
	if cache[value] then
		return cache[value]
	end
	local copy = {}
	cache[value] = copy
	for key, item in next, value do
		copy[key] = deep_copy(item, cache)
	end
	return setmetatable(copy, getmetatable(value))
end

--- One call's values: deep copies to compare with, and the values themselves
--- for `match.is_ref`.
local function recorded(list)
	local copies, references = { n = list.n }, { n = list.n }
	for i = 1, list.n do
		copies[i] = deep_copy(list[i])
		references[i] = list[i]
	end
	return { vals = copies, refs = references }
end

local function last_matching(history, specs)
	for i = #history, 1, -1 do
		if lib.values_match(history[i].vals, history[i].refs, specs) then
			return history[i]
		end
	end
end

spy_meta.__call = function(self, ...)
	table.insert(self.calls, recorded(lib.pack(...)))
	local returned = lib.pack(self.callback(...))
	table.insert(self.returnvals, recorded(returned))
	return lib.unpack(returned)
end

local spy = {}

function spy.new(callback)
	callback = callback or function() end
	if not lib.callable(callback) then
		error("Cannot spy on type '" .. type(callback) .. "', only on functions or callable elements", 2)
	end
	local s = setmetatable({ calls = {}, returnvals = {}, callback = callback }, spy_meta)
	function s.revert(self)
		if not self.reverted then
			if self.target_table and self.target_key then
				self.target_table[self.target_key] = self.callback
			end
			self.reverted = true
		end
		return self.callback
	end
	function s.clear(self)
		self.calls, self.returnvals = {}, {}
		return self
	end
	function s.called(self, times, compare)
		if times or compare then
			compare = compare or function(count, wanted) return count == wanted end
			return compare(#self.calls, times), #self.calls
		end
		return #self.calls > 0, #self.calls
	end
	function s.called_with(self, specs)
		local found = last_matching(self.calls, specs)
		if found then
			return true, found.vals
		end
		return false, self.calls[#self.calls] and self.calls[#self.calls].vals
	end
	function s.returned_with(self, specs)
		local found = last_matching(self.returnvals, specs)
		if found then
			return true, found.vals
		end
		return false, self.returnvals[#self.returnvals] and self.returnvals[#self.returnvals].vals
	end
	lib.track_spy(s)
	return s
end

spy.is_spy = is_spy

function spy.on(target, key)
	local s = spy.new(target[key])
	target[key] = s
	s.target_table, s.target_key = target, key
	return s
end

lib.spy = setmetatable(spy, { __call = function(_, ...) return spy.new(...) end })

-- Stubs: a spy over a replacement that returns given values.
local stub = {}
function stub.new(object, key, ...)
	if object == nil and key == nil then
		object, key = {}, ""
	end
	local returns = lib.pack(...)
	if type(object) ~= "table" or key == nil then
		error("stub.new(): Can only create stub on a table key, call with 2 params; table, key", 2)
	end
	if object[key] ~= nil and not lib.callable(object[key]) then
		error("stub.new(): The element for which to create a stub must either be callable, or be nil", 2)
	end
	local original = object[key]
	local own = returns.n == 1 and lib.callable(returns[1]) and returns[1]
	local default = own or function() return lib.unpack(returns) end
	local on_calls = {}
	object[key] = function(...)
		local arguments = lib.pack(...)
		for _, on_call in ipairs(on_calls) do
			if lib.values_match(arguments, arguments, on_call.specs) then
				return on_call.run(...)
			end
		end
		return default(...)
	end
	local s = spy.on(object, key)
	local spy_revert = s.revert
	function s.revert(self)
		if not self.reverted then
			spy_revert(self)
			object[key] = original
			self.reverted = true
		end
		return original
	end
	function s.returns(...)
		local values = lib.pack(...)
		default = function() return lib.unpack(values) end
		return s
	end
	function s.invokes(fn)
		default = function(...) return fn(...) end
		return s
	end
	s.by_default = { returns = s.returns, invokes = s.invokes }
	function s.on_call_with(...)
		local specs = recorded(lib.pack(...)).vals
		return {
			returns = function(...)
				local values = lib.pack(...)
				table.insert(on_calls, { specs = specs, run = function() return lib.unpack(values) end })
				return s
			end,
			invokes = function(fn)
				table.insert(on_calls, { specs = specs, run = fn })
				return s
			end,
		}
	end
	return s
end
lib.stub = setmetatable(stub, { __call = function(_, ...) return stub.new(...) end })

--- `mock(t, dostub)`: every function of `t` (deeply) spied on, or stubbed.
local function mock(object, dostub, func, self, key)
	local visited = {}
	local function walk(target, parent, name)
		if visited[target] then
			return target
		end
		if type(target) == "table" and not is_spy(target) then
			visited[target] = true
			if parent == nil or not lib.callable(target) then
				for k, v in pairs(target) do
					target[k] = walk(v, target, k)
				end
				return target
			end
		end
		if lib.callable(target) and parent ~= nil then
			if dostub then
				return stub(parent, name)
			end
			return spy.on(parent, name)
		end
		return target
	end
	return walk(object, self, key)
end
lib.mock = setmetatable({ revert = function(object)
	for _, value in pairs(object) do
		if is_spy(value) then value:revert() end
	end
end }, { __call = function(_, object, dostub) return mock(object, dostub) end })

-- The assertions: `spy(s)` / `stub(s)` keep the spy for the next word.
local function keep_spy(state, arguments)
	rawset(state, "payload", arguments and arguments[1])
	if arguments and arguments[2] ~= nil then
		rawset(state, "failure_message", arguments[2])
	end
end
assert:register("modifier", "spy", keep_spy)
assert:register("modifier", "stub", keep_spy)

local function show_list(list)
	if not list then
		return lib.said("no-call")
	end
	local parts = {}
	for i = 1, list.n or #list do
		parts[i] = lib.show(list[i])
	end
	return "(" .. table.concat(parts, ", ") .. ")"
end

local function with_values(kind)
	return function(state, arguments)
		local payload = rawget(state, "payload")
		if not (type(payload) == "table" and payload[kind]) then
			error("'" .. kind .. "' must be chained after 'spy(aspy)'", 0)
		end
		local holds, values = payload[kind](payload, arguments)
		local wanted = show_list(arguments)
		lib.report(state, rawget(state, "mod") and wanted or lib.said("not", wanted), show_list(values))
		return holds
	end
end

local function registered(name, callback, positive, negative)
	assert:register("assertion", name, callback)
	lib.namespace.assertion[name].texts = { lib.said(positive), lib.said(negative) }
end

registered("called_with", with_values("called_with"), "never-called-with", "called-with")
registered("returned_with", with_values("returned_with"), "never-returned", "returned")

local function called(compare, words)
	return function(state, arguments)
		local times = arguments[1]
		-- `was_not.called()` means called 0 times (luassert).
		if not times and not rawget(state, "mod") then
			rawset(state, "mod", true)
			times = 0
		end
		local payload = rawget(state, "payload")
		if type(payload) == "function" then
			error("When calling 'spy(aspy)', 'aspy' must not be the original function, but the spy function replacing the original", 0)
		end
		if not (type(payload) == "table" and payload.called) then
			error("'called' must be chained after 'spy(aspy)'", 0)
		end
		local holds, count = payload:called(times, compare)
		local wanted = times and lib.said(words, times) or lib.said("calls-at-least", 1)
		lib.report(state, rawget(state, "mod") and wanted or lib.said("not", wanted), lib.said("calls", count))
		return holds
	end
end
registered("called", called(nil, "calls"), "not-called-as-expected", "called-that-many")
registered("called_at_least", called(function(n, w) return n >= w end, "calls-at-least"),
	"too-few-calls", "too-many-calls")
registered("called_at_most", called(function(n, w) return n <= w end, "calls-at-most"),
	"too-many-calls", "too-few-calls")
registered("called_more_than", called(function(n, w) return n > w end, "calls-more-than"),
	"too-few-calls", "too-many-calls")
registered("called_less_than", called(function(n, w) return n < w end, "calls-less-than"),
	"too-many-calls", "too-few-calls")

return lib
