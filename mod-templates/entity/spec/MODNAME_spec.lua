-- {{ say("Les tests de " ~ modname ~ " : lance-les avec `mtedu test`.", "Tests for " ~ modname ~ ": run them with `mtedu test`.") }}

-- {{ say("Un faux objet qui retient la vitesse qu'on lui donne.", "A pretend object that remembers the speed it is given.") }}
local function pretend_object()
	local object = {}
	function object:set_yaw(yaw) self.yaw = yaw end
	function object:set_velocity(velocity) self.velocity = velocity end
	return object
end

describe("{{ modname }}:mob", function()
	it("{{ say("existe", "exists") }}", function()
		assert.not_nil(minetest.registered_entities["{{ modname }}:mob"])
	end)

	it("{{ say("se met à marcher après 2 secondes", "starts walking after 2 seconds") }}", function()
		local def = minetest.registered_entities["{{ modname }}:mob"]
		local mob = setmetatable({ object = pretend_object(), timer = 0 }, { __index = def })
		mob:on_step(1)
		assert.is_nil(mob.object.velocity)
		mob:on_step(1.5)
		local v = mob.object.velocity
		assert.not_nil(v)
		local speed = math.sqrt(v.x * v.x + v.z * v.z)
		assert.is_true(math.abs(speed - {{ modname }}.speed) < 0.001)
	end)
end)
